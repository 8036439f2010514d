import CZstd
import Foundation

/// Zstandard frames, as Anki's newer packages compress the collection and the media list,
/// through the system's libzstd.
enum Zstd {
    /// Whether `data` starts with a Zstandard frame's magic number.
    static func isCompressed(_ data: Data) -> Bool {
        data.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
    }

    /// Decompresses every frame of `data`, refusing to produce more than `maximumSize` bytes
    /// (a bomb stops there).
    static func decompress(_ data: Data, maximumSize: Int) throws(ArchiveProblem) -> Data {
        guard let stream = ZSTD_createDStream() else { throw ArchiveProblem("libzstd could not start decompressing") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var output = Data()
        let chunkSize = ZSTD_DStreamOutSize()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var failure: String?
        var lastHint = 0
        data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while input.pos < input.size || lastHint != 0 {
                let before = input.pos
                var produced = 0
                chunk.withUnsafeMutableBytes { target in
                    var buffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let hint = ZSTD_decompressStream(stream, &buffer, &input)
                    if ZSTD_isError(hint) != 0 {
                        failure = String(cString: ZSTD_getErrorName(hint))
                    }
                    lastHint = hint
                    produced = buffer.pos
                }
                if failure != nil { return }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maximumSize {
                    failure = "it unpacks to more than \(maximumSize) bytes"
                    return
                }
                if produced == 0, input.pos == before {
                    if lastHint != 0 { failure = "the compressed data is cut short" }
                    return
                }
            }
        }
        if let failure { throw ArchiveProblem("damaged Zstandard data: \(failure)") }
        return output
    }
}
