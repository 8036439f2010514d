import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal the study session talks to: single key presses in raw mode when standard
/// input is a terminal, plain bytes when it is a pipe; colours only on a terminal without
/// `NO_COLOR`.
final class Terminal {
    let isInteractive: Bool
    let useColor: Bool
    private var original: termios?

    init() {
        isInteractive = isatty(STDIN_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        useColor = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Single key presses without echo, until ``restore()``.
    func enterRawMode() {
        guard isInteractive, original == nil else { return }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        original = settings
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    func restore() {
        guard var settings = original else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        original = nil
    }

    /// The next key, or nil at the end of input.
    func readKey() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// A line typed without echo (a password), or read from a pipe as it is.
    func readSecretLine() -> String? {
        guard isInteractive else { return readLine() }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return readLine() }
        var hidden = settings
        hidden.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine()
    }

    /// A typed line, echoed, read in the terminal's normal mode.
    func readLine() -> String? {
        let wasRaw = original != nil
        if wasRaw { restore() }
        defer { if wasRaw { enterRawMode() } }
        var bytes: [UInt8] = []
        while let byte = readKey() {
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            if byte != 0x0D { bytes.append(byte) }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// A typed line with a live countdown in front of it (`[1:23] text`), redrawn every
    /// second until Enter; on a pipe, a plain ``readLine()``.
    func readLine(countingDownTo deadline: Date) -> String? {
        guard isInteractive else { return readLine() }
        let wasRaw = original != nil
        enterRawMode()
        defer { if !wasRaw { restore() } }
        var typed: [UInt8] = []
        // Rows above the cursor that the last drawing took: a long answer wraps, and the redraw
        // must start where the line began, not on its last row.
        var rowsAbove = 0
        func redraw() {
            let left = max(0, Int(deadline.timeIntervalSinceNow.rounded(.up)))
            let clock = String(format: "[%d:%02d] ", left / 60, left % 60)
            let text = String(decoding: typed, as: UTF8.self)
            let up = rowsAbove > 0 ? "\u{1B}[\(rowsAbove)A" : ""
            write(up + "\r\u{1B}[J" + (left == 0 ? red(clock) : dim(clock)) + text)
            // After exactly a full row the cursor waits on its last column: (length - 1) / columns.
            rowsAbove = max(0, (clock.count + text.count - 1) / columns)
        }
        redraw()
        while true {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 1000)
            if ready == 0 {
                redraw()
                continue
            }
            guard ready > 0, let byte = readKey() else { return typed.isEmpty ? nil : String(decoding: typed, as: UTF8.self) }
            switch byte {
            case 0x0A, 0x0D:
                write("\n")
                return String(decoding: typed, as: UTF8.self)
            case 0x7F, 0x08:
                // Remove a whole UTF-8 character.
                while let last = typed.popLast(), last & 0xC0 == 0x80 {}
            case 0x04:
                return typed.isEmpty ? nil : String(decoding: typed, as: UTF8.self)
            default:
                if byte >= 0x20 || byte == 0x09 { typed.append(byte) }
            }
            redraw()
        }
    }

    /// The terminal's width in columns (80 when it cannot be asked).
    var columns: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func bold(_ text: String) -> String { useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { useColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { useColor ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { useColor ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
}
