import CZlib
import Foundation

/// Raw deflate (RFC 1951), as zip entries hold it, through the system's zlib.
enum Deflate {
    /// Inflates `compressed`, which must come out at exactly `expectedSize` bytes.
    static func inflate(_ compressed: Data, expectedSize: Int) throws(ArchiveProblem) -> Data {
        var output = Data(count: expectedSize)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ArchiveProblem("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        var produced = 0
        var input = Data(compressed)
        input.withUnsafeMutableBytes { (source: UnsafeMutableRawBufferPointer) in
            output.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
                stream.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(source.count)
                // One spare byte: an entry that inflates past its declared size fills it and is caught.
                var spare: UInt8 = 0
                stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(target.count)
                status = CZlib.inflate(&stream, Z_FINISH)
                produced = target.count - Int(stream.avail_out)
                if status == Z_BUF_ERROR || status == Z_OK, stream.avail_out == 0 {
                    withUnsafeMutablePointer(to: &spare) { pointer in
                        stream.next_out = pointer
                        stream.avail_out = 1
                        status = CZlib.inflate(&stream, Z_FINISH)
                        produced += 1 - Int(stream.avail_out)
                    }
                }
            }
        }
        guard status == Z_STREAM_END, produced == expectedSize else {
            if produced > expectedSize {
                throw ArchiveProblem("an entry unpacks to more than the \(expectedSize) bytes it declares (a zip bomb?)")
            }
            throw ArchiveProblem("a damaged zip archive (deflate stream error \(status) after \(produced) of \(expectedSize) bytes)")
        }
        return output
    }

    /// Deflates `data` at zlib's fastest level: a collection shrinks almost as much as at
    /// the default level, three times sooner.
    static func deflate(_ data: Data) throws(ArchiveProblem) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw ArchiveProblem("zlib could not start deflating") }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))))
        var input = data
        var status: Int32 = Z_OK
        var produced = 0
        input.withUnsafeMutableBytes { (source: UnsafeMutableRawBufferPointer) in
            output.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
                stream.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(target.count)
                status = CZlib.deflate(&stream, Z_FINISH)
                produced = target.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw ArchiveProblem("zlib could not deflate (status \(status))") }
        return output.prefix(produced)
    }

    /// The CRC-32 zip stores beside every entry.
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { bytes in
            UInt32(CZlib.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        }
    }
}
