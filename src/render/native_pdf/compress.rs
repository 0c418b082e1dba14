//! Flate compression of the document's streams (font programs, character
//! maps, page contents) before it is written.
//!
//! The streams are compressed on two threads, in halves of about equal size,
//! at zlib's default level: maximum compression saves under 1% of a résumé
//! and takes twice as long.

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Document, Object, Stream};

/// Compresses every stream that allows it and is not yet filtered, keeping the
/// compressed form only where it is smaller.
pub fn compress_streams(document: &mut Document) -> Result<(), String> {
    let mut streams: Vec<&mut Stream> = document
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.allows_compression && !stream.dict.has(b"Filter") => {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let (mut halves, mut sizes) = ([Vec::new(), Vec::new()], [0, 0]);
    for stream in streams {
        let lighter = usize::from(sizes[1] < sizes[0]);
        sizes[lighter] += stream.content.len();
        halves[lighter].push(stream);
    }
    let [first, second] = halves;
    std::thread::scope(|scope| {
        let other = scope.spawn(|| compress_each(first));
        let here = compress_each(second);
        other
            .join()
            .unwrap_or_else(|_| Err("compressing the PDF failed".to_owned()))
            .and(here)
    })
}

fn compress_each(streams: Vec<&mut Stream>) -> Result<(), String> {
    let mut compressor = Compress::new(Compression::default(), true);
    for stream in streams {
        let compressed = deflate(&mut compressor, &stream.content)?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// One zlib stream of `data`, reusing the compressor's buffers.
fn deflate(compressor: &mut Compress, data: &[u8]) -> Result<Vec<u8>, String> {
    compressor.reset();
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let consumed = usize::try_from(compressor.total_in()).unwrap_or(data.len());
        let status = compressor
            .compress_vec(
                &data[consumed.min(data.len())..],
                &mut out,
                FlushCompress::Finish,
            )
            .map_err(|e| format!("compressing a stream: {e}"))?;
        match status {
            Status::StreamEnd => return Ok(out),
            Status::Ok | Status::BufError => out.reserve(out.capacity()),
        }
    }
}

#[cfg(test)]
mod tests {
    use lopdf::Dictionary;

    use super::*;

    #[test]
    fn streams_are_compressed_losslessly_unless_they_forbid_it() {
        let text = b"BT /F1 10 Tf (a line of text) Tj ET\n".repeat(200);
        let mut document = Document::new();
        let streams: Vec<_> = (0..5)
            .map(|_| document.add_object(Stream::new(Dictionary::new(), text.clone())))
            .collect();
        let kept = document
            .add_object(Stream::new(Dictionary::new(), text.clone()).with_compression(false));
        compress_streams(&mut document).unwrap();
        for id in streams {
            let stream = document.get_object(id).unwrap().as_stream().unwrap();
            assert!(stream.content.len() < text.len() / 10);
            assert_eq!(stream.decompressed_content().unwrap(), text);
        }
        let stream = document.get_object(kept).unwrap().as_stream().unwrap();
        assert!(!stream.dict.has(b"Filter"));
        assert_eq!(stream.content, text);
    }
}
