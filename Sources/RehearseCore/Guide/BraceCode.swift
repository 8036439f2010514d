/// Flattened code of the languages that mark blocks with braces: Go, JavaScript, Java, C,
/// Rust, nginx configuration … Unlike Python's indentation, braces survive flattening, so
/// where a block ends, and how deep each of its lines stands, can be read from them.
///
/// A block starts at a header that ends in `{` (`func (b *Bucket) Allow() bool {`,
/// `server {`) or at a run of statements that end in `;`, and runs until its braces balance;
/// more headers or statements may follow it. Braces inside strings and `//` comments do
/// not count.
enum BraceCode {
    /// The most lines one block may span: braces that never balance within it are no code.
    static let longestBlock = 400

    /// Whether a line opens a braced block: code words, then `{` at the end of the line after
    /// a name, a number, a closing bracket or a closing quote (`Allow() bool {`, `server {`,
    /// `resource "aws_s3_bucket" "assets" {`). Python never writes that: its dictionaries
    /// open after `=`, `(`, `,`, `:` or a keyword (`return {`).
    static func opensBlock(_ raw: Substring) -> Bool {
        let bytes = raw.utf8
        guard bytes.last == 0x7B, bytes.count >= 3, let first = bytes.first, startsCode(first),
            !raw.isListItem, !raw.containsBytes(". ")
        else { return false }
        // The bytes before the brace, without the spaces between.
        var head = bytes.index(before: bytes.endIndex)
        while head > bytes.startIndex, bytes[bytes.index(before: head)] == 0x20 { head = bytes.index(before: head) }
        guard head > bytes.startIndex else { return false }
        let before = bytes[bytes.index(before: head)]
        guard isWordByte(before) || before.isOne(of: ")]>/*+-\"") else { return false }
        var wordStart = head
        while wordStart > bytes.startIndex, isWordByte(bytes[bytes.index(before: wordStart)]) { wordStart = bytes.index(before: wordStart) }
        guard !pythonKeywordsBeforeAValue.contains(raw[wordStart..<head]) else { return false }
        return raw.containsBytes(")") || raw.containsBytes("=") || bytes.count { $0 == 0x20 } <= 5
    }

    /// A statement that ends in `;` right before a brace header (`syntax = "proto3";` over
    /// `message User {`): brace code, though the statement alone may lex as Python.
    static func leadsIntoHeader(_ raw: Substring, next: Substring) -> Bool {
        isStatement(raw) && opensBlock(next)
    }

    /// The most annotation lines looked past for the header they stand over.
    static let maximumAnnotations = 4

    /// `@RestController`, `@GetMapping("/orders/{id}")`: an annotation alone on its line, in
    /// Java, Kotlin or TypeScript as in Python; what follows it tells which.
    static func isAnnotation(_ raw: Substring) -> Bool {
        let bytes = raw.utf8
        guard bytes.first == 0x40, bytes.count >= 2, bytes.dropFirst().first?.isASCIILetter == true else { return false }
        let name = bytes.dropFirst().prefix { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2E || $0 == 0x5F }
        return name.endIndex == bytes.endIndex || bytes[name.endIndex] == 0x28 && bytes.last == 0x29
    }

    /// Python words a dictionary or set literal may follow.
    private static let pythonKeywordsBeforeAValue: Set<Substring> = ["return", "yield", "in", "not", "and", "or", "if", "else", "await", "is"]

    /// Whether a line is a statement that ends in `;` and reads as code, not prose: it has
    /// code punctuation (`=`, `(`, `.`, `:`) and no sentence break.
    static func isStatement(_ raw: Substring) -> Bool {
        guard raw.utf8.last == 0x3B, let first = raw.utf8.first, startsCode(first),
            !raw.isListItem, !raw.containsBytes(". "), !raw.containsBytes("; ")
        else { return false }
        return raw.utf8.contains { $0 == 0x3D || $0 == 0x28 || $0 == 0x2E || $0 == 0x3A || $0 == 0x2B || $0 == 0x2D }
    }

    /// Where a block of brace code that starts at line `start` ends (the index after its
    /// last line), or nil when the lines there are not one. `text` gives a line (an empty one
    /// past the last); `deltas` gives the ``braceDelta(_:)`` of the lines of a range, asked for
    /// the lines from `start`
    /// on as far as a block may run, once the first line could start one (a reader that asks
    /// from every line keeps them).
    static func blockEnd(from start: Int, text: (Int) -> Substring, deltas lineDeltas: (Range<Int>) -> ArraySlice<Int8>) -> Int? {
        // Annotations (`@RestController`) stand over the header they annotate.
        var header = start
        while header - start < maximumAnnotations, isAnnotation(text(header)) { header += 1 }
        guard opensBlock(text(header)) || header == start && isStatement(text(start)) else { return nil }
        let deltas = lineDeltas(start..<(start + longestBlock))
        var end = start
        var depth = 0
        var opened = false
        while end < deltas.endIndex, end - start < longestBlock {
            if depth == 0, end > header, !opensBlock(text(end)), !isStatement(text(end)) { break }
            depth += Int(deltas[end])
            guard depth >= 0 else { return nil }
            opened = opened || depth > 0
            end += 1
        }
        guard depth == 0, opened || end - start >= 2 else { return nil }
        return end
    }

    /// The lines, each indented four spaces per brace it stands inside (a line that starts by
    /// closing a brace stands at the depth it closes to).
    static func indented(_ lines: some Sequence<Substring>) -> String {
        var depth = 0
        var result: [String] = []
        for line in lines {
            let level = max(depth - (line.utf8.first == 0x7D ? 1 : 0), 0)
            result.append(String(repeating: PythonReindenter.unit, count: level) + line)
            depth = max(depth + braceDelta(line), 0)
        }
        return result.joinedLines()
    }

    /// The language the code is most likely written in, from words only it uses; "text" when
    /// none tells.
    static func language(of lines: some Sequence<Substring>) -> String {
        for line in lines {
            if line.hasBytePrefix("func ") || line.hasBytePrefix("package ") || line.containsBytes(" := ") { return "go" }
            if line.hasBytePrefix("fn ") || line.hasBytePrefix("impl ") || line.containsBytes("let mut ") { return "rust" }
            if line.hasBytePrefix("function ") || line.hasBytePrefix("const ") || line.hasBytePrefix("let ")
                || line.containsBytes("=> ") || line.containsBytes("console.")
            {
                return "javascript"
            }
            if line.hasBytePrefix("public ") || line.hasBytePrefix("private ") || line.hasBytePrefix("import java") { return "java" }
            if line.hasBytePrefix("#include") { return "c" }
            if line.hasBytePrefix("syntax = \"proto") || startsWithCapitalisedName(line, after: "message ") || startsWithCapitalisedName(line, after: "rpc ") {
                return "protobuf"
            }
            if ["resource \"", "provider \"", "variable \"", "module \"", "data \""].contains(where: { line.hasBytePrefix($0) }) { return "hcl" }
            if line.hasBytePrefix("server {") || line.hasBytePrefix("location ") || line.hasBytePrefix("upstream ")
                || line.hasBytePrefix("http {")
            {
                return "nginx"
            }
        }
        return "text"
    }

    /// `message User {`, `rpc GetUser (…)`: `word` then a capitalised name.
    private static func startsWithCapitalisedName(_ line: Substring, after word: StaticString) -> Bool {
        guard line.hasBytePrefix(word) else { return false }
        return line.utf8.dropFirst(word.utf8CodeUnitCount).first?.isASCIIUppercase == true
    }

    /// The braces a line opens less those it closes, outside strings and `//` comments. A
    /// single quote with none after it on the line opens no string: it is a lifetime or an
    /// apostrophe (`struct View<'a> {`).
    static func braceDelta(_ raw: Substring) -> Int {
        let bytes = raw.utf8
        var delta = 0
        var quote: UInt8?
        var escaped = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            defer { index = next }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == open {
                    quote = nil
                }
                continue
            }
            switch byte {
            case 0x22, 0x60: quote = byte
            case 0x27 where bytes[next...].contains(0x27): quote = byte
            case 0x2F where next < bytes.endIndex && bytes[next] == 0x2F: return delta
            case 0x7B: delta += 1
            case 0x7D: delta -= 1
            default: break
            }
        }
        return delta
    }

    /// A first byte code starts with: a letter, `_`, `@`, `#` or `$`.
    private static func startsCode(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x40 || byte == 0x23 || byte == 0x24
    }

    /// An ASCII letter, digit or `_`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
}
