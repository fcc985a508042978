//! Compressed JSON Lines: corpora usually come as `.jsonl.gz` or
//! `.jsonl.zst`. An input is recognised by its first bytes, not its name, and
//! decompressed as it streams; a file written under `--out` or `--in-place`
//! is compressed the way its input was, so a mirrored corpus keeps its
//! format. What goes to stdout is plain JSON Lines (pipe it to `gzip` or
//! `zstd` to compress it).

use std::io::{self, BufReader, Read, Write};
use std::path::Path;

/// How a stream is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Plain,
    Gzip,
    Zstd,
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// zstd's own default level: smaller than gzip's default here and several
/// times faster (16 MB of news JSON Lines: 5.2 MB in 0.10 s).
const ZSTD_LEVEL: i32 = 3;

/// gzip level 3, with flate2's zlib-rs backend. On 16 MB of news JSON Lines
/// fixed on two threads into `--out` (plain: 0.47–0.57 s): level 3 took
/// 0.63–0.69 s for 6.7 MB, level 6 (gzip's default) 0.70–0.77 s for 6.5 MB,
/// level 1 as long as level 3 for 9.7 MB. flate2's default backend
/// (miniz_oxide) took 1.3 s at level 6: it compressed more slowly than the
/// two threads fixed, and held the run back.
const GZIP_LEVEL: u32 = 3;

impl Codec {
    /// The codec whose magic number `head` starts with. JSON text starts
    /// with `{`, whitespace or a byte-order mark, never with these.
    pub fn sniff(head: &[u8]) -> Codec {
        if head.starts_with(GZIP_MAGIC) {
            Codec::Gzip
        } else if head.starts_with(ZSTD_MAGIC) {
            Codec::Zstd
        } else {
            Codec::Plain
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Codec::Plain => "plain",
            Codec::Gzip => "gzip",
            Codec::Zstd => "zstd",
        }
    }

    /// The codec a file's name announces (`.gz`, `.zst`), for walking folders
    /// and sizing the progress bar before a file is opened.
    pub fn of_name(path: &Path) -> Codec {
        match compression_extension(path) {
            Some("gz") => Codec::Gzip,
            Some("zst") => Codec::Zstd,
            _ => Codec::Plain,
        }
    }
}

/// `gz` or `zst` when the file name ends in that extension (any case).
fn compression_extension(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    ["gz", "zst"].into_iter().find(|c| *c == ext)
}

/// The extension a walk matches a file by: the one before `.gz` or `.zst`
/// when `compressed` names may be taken (`a.jsonl.gz` → `jsonl`), else the
/// last one; lowercase.
pub fn data_extension(path: &Path, compressed: bool) -> Option<String> {
    let inner = match compression_extension(path) {
        Some(_) if compressed => Path::new(path.file_stem()?),
        _ => path,
    };
    Some(inner.extension()?.to_str()?.to_ascii_lowercase())
}

/// `reader` decompressed as its first bytes say, and the codec found.
pub fn decompress(mut reader: Box<dyn Read + Send>) -> io::Result<(Box<dyn Read + Send>, Codec)> {
    // The magic number, read to its length or the end (a pipe may deliver
    // one byte at a time), then put back in front of the rest.
    let mut head = Vec::with_capacity(ZSTD_MAGIC.len());
    (&mut reader)
        .take(ZSTD_MAGIC.len() as u64)
        .read_to_end(&mut head)?;
    let codec = Codec::sniff(&head);
    let whole = io::Cursor::new(head).chain(reader);
    let buffered = |r| BufReader::with_capacity(256 << 10, r);
    let out: Box<dyn Read + Send> = match codec {
        Codec::Plain => Box::new(whole),
        // Multi-member: `cat a.gz b.gz` and bgzip output are one stream.
        Codec::Gzip => Box::new(Named {
            inner: flate2::bufread::MultiGzDecoder::new(buffered(whole)),
            format: codec.name(),
        }),
        Codec::Zstd => Box::new(Named {
            inner: zstd::stream::read::Decoder::with_buffer(buffered(whole))?,
            format: codec.name(),
        }),
    };
    Ok((out, codec))
}

/// A decoder whose errors name its format: `gzip: unexpected end of file`
/// says what went wrong where the bare message does not.
struct Named<R> {
    inner: R,
    format: &'static str,
}

impl<R: Read> Read for Named<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", self.format)))
    }
}

/// A writer that compresses with a given codec; [`finish`](Self::finish)
/// writes the trailer and returns the inner writer.
pub enum Compressor<W: Write> {
    Plain(W),
    Gzip(flate2::write::GzEncoder<W>),
    Zstd(zstd::stream::write::Encoder<'static, W>),
}

impl<W: Write> Compressor<W> {
    pub fn new(codec: Codec, inner: W) -> io::Result<Self> {
        Ok(match codec {
            Codec::Plain => Compressor::Plain(inner),
            Codec::Gzip => Compressor::Gzip(flate2::write::GzEncoder::new(
                inner,
                flate2::Compression::new(GZIP_LEVEL),
            )),
            Codec::Zstd => Compressor::Zstd(zstd::stream::write::Encoder::new(inner, ZSTD_LEVEL)?),
        })
    }

    /// End the compressed stream and return the writer it went to.
    pub fn finish(self) -> io::Result<W> {
        match self {
            Compressor::Plain(w) => Ok(w),
            Compressor::Gzip(e) => e.finish(),
            Compressor::Zstd(e) => e.finish(),
        }
    }
}

impl<W: Write> Write for Compressor<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Compressor::Plain(w) => w.write(buf),
            Compressor::Gzip(e) => e.write(buf),
            Compressor::Zstd(e) => e.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Compressor::Plain(w) => w.flush(),
            Compressor::Gzip(e) => e.flush(),
            Compressor::Zstd(e) => e.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compressed(codec: Codec, data: &[u8]) -> Vec<u8> {
        let mut c = Compressor::new(codec, Vec::new()).unwrap();
        c.write_all(data).unwrap();
        c.finish().unwrap()
    }

    /// A reader that hands out one byte per call, as a slow pipe may.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.get(self.1), buf.first_mut()) {
                (Some(&b), Some(slot)) => {
                    *slot = b;
                    self.1 += 1;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn read_all(bytes: Vec<u8>) -> (Vec<u8>, Codec) {
        let (mut r, codec) = decompress(Box::new(Trickle(bytes, 0))).unwrap();
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        (out, codec)
    }

    #[test]
    fn every_codec_round_trips_through_a_trickling_reader() {
        let data = "{\"text\":\"a  b\"}\n".repeat(1000).into_bytes();
        for codec in [Codec::Plain, Codec::Gzip, Codec::Zstd] {
            let packed = compressed(codec, &data);
            assert_eq!(Codec::sniff(&packed), codec);
            assert_eq!(read_all(packed), (data.clone(), codec), "{codec:?}");
        }
        // Shorter than any magic number, and empty.
        assert_eq!(read_all(b"{}".to_vec()), (b"{}".to_vec(), Codec::Plain));
        assert_eq!(read_all(Vec::new()), (Vec::new(), Codec::Plain));
    }

    #[test]
    fn gzip_members_are_read_one_after_the_other() {
        let mut two = compressed(Codec::Gzip, b"{\"n\":1}\n");
        two.extend(compressed(Codec::Gzip, b"{\"n\":2}\n"));
        assert_eq!(read_all(two).0, b"{\"n\":1}\n{\"n\":2}\n");
    }

    #[test]
    fn damaged_streams_fail_with_the_format_named() {
        for codec in [Codec::Gzip, Codec::Zstd] {
            let packed = compressed(codec, &"{\"text\":\"x\"}\n".repeat(500).into_bytes());
            let cut = packed[..packed.len() / 2].to_vec();
            let (mut r, _) = decompress(Box::new(io::Cursor::new(cut))).unwrap();
            let err = r.read_to_end(&mut Vec::new()).unwrap_err();
            assert!(err.to_string().starts_with(codec.name()), "{err}");
        }
    }

    #[test]
    fn walks_match_the_extension_inside_a_compressed_name() {
        let ext = |p: &str, c| data_extension(Path::new(p), c);
        assert_eq!(ext("a/b.jsonl.gz", true).as_deref(), Some("jsonl"));
        assert_eq!(ext("b.NDJSON.ZST", true).as_deref(), Some("ndjson"));
        assert_eq!(ext("b.jsonl.gz", false).as_deref(), Some("gz"));
        assert_eq!(ext("b.jsonl", true).as_deref(), Some("jsonl"));
        assert_eq!(ext("b.gz", true), None);
        assert_eq!(Codec::of_name(Path::new("x.JSONL.GZ")), Codec::Gzip);
        assert_eq!(Codec::of_name(Path::new("x.jsonl")), Codec::Plain);
    }
}
