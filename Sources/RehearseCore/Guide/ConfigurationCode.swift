/// Flattened configuration that is not Python though it may lex as Python: settings files
/// (`.env`, Java properties, INI) and Dockerfiles. Their lines stand at the margin, so
/// flattening loses nothing; what matters is that they are not read as Python, run in the
/// code lab or made into predict-the-output cards.
///
/// - Settings: `key=value` lines, with an INI section header (`[flake8]`) among them or not.
///   A run is settings, not Python assignments, only when one of its lines could not be
///   Python as written: a section header, a key with a dash (`max-line-length = 100`), a
///   dotted key without spaces round `=` (`enable.idempotence=true`), or a value Python does
///   not write (`postgres://…`, `true`, `.git,__pycache__`).
/// - Dockerfiles: a `FROM image` line, then instruction lines (`RUN`, `COPY`, `CMD` …).
/// - YAML (a Compose file, a Kubernetes manifest): lines of `key:`, `key: value` and
///   `- item` whose keys are lower-case words and whose values are single tokens, a mapping
///   opened among them. Its nesting is lost with its indentation and is not guessed; it is
///   kept as YAML rather than read as definitions (`image: postgres:16`).
enum ConfigurationCode {
    /// Where a settings file, Dockerfile or YAML document that starts at line `start` ends (the
    /// line after it), and its language; nil when the lines there are none of them. Every line
    /// that may start a block is asked, so its first byte decides which readers look further.
    static func block(from start: Int, count: Int, text: (Int) -> Substring) -> (end: Int, language: String)? {
        guard start < count, let first = text(start).utf8.first else { return nil }
        if first == 0x46, let end = dockerfileEnd(from: start, count: count, text: text) { return (end, "dockerfile") }
        if first.isASCIILowercase || first == 0x2D, let end = yamlEnd(from: start, count: count, text: text) { return (end, "yaml") }
        return settings(from: start, count: count, text: text)
    }

    // MARK: Settings

    /// One `key=value` line, or an INI section header.
    private enum SettingLine {
        case section
        case setting(key: Substring, value: Substring, spaced: Bool)

        init?(_ raw: Substring) {
            let bytes = raw.utf8
            guard let first = bytes.first else { return nil }
            if first == 0x5B {
                guard bytes.last == 0x5D, bytes.count >= 3,
                    bytes.dropFirst().dropLast().allSatisfy({ isKeyByte($0) || $0 == 0x20 })
                else { return nil }
                self = .section
                return
            }
            // The key's bytes, spaces, then `=`: a line of prose stops at its first space. Every
            // line that may start a block is asked: they are found on the bytes in place.
            guard first.isASCIILetter || first == 0x5F,
                let (keyLength, equalsOffset) = raw.withBytes({ bytes -> (Int, Int)? in
                    var keyEnd = 0
                    while keyEnd < bytes.count, isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
                    var equals = keyEnd
                    while equals < bytes.count, bytes[equals] == 0x20 { equals += 1 }
                    return equals < bytes.count && bytes[equals] == 0x3D ? (keyEnd, equals) : nil
                })
            else { return nil }
            let keyEnd = bytes.index(bytes.startIndex, offsetBy: keyLength)
            let equals = bytes.index(bytes.startIndex, offsetBy: equalsOffset)
            let key = raw[bytes.startIndex..<keyEnd]
            var valueStart = bytes.index(after: equals)
            while valueStart < bytes.endIndex, bytes[valueStart] == 0x20 { valueStart = bytes.index(after: valueStart) }
            let value = raw[valueStart...]
            // `==` is a comparison; an empty value is no setting.
            guard !value.isEmpty, value.utf8.first != 0x3D else { return nil }
            self = .setting(key: key, value: value, spaced: keyEnd != equals || valueStart != bytes.index(after: equals))
        }

        /// Whether Python would not write the line so: what tells settings from assignments.
        var isOnlyConfiguration: Bool {
            switch self {
            case .section:
                return true
            case let .setting(key, value, spaced):
                if key.utf8.contains(0x2D) { return true }
                if !spaced, key.utf8.contains(0x2E) { return true }
                return ConfigurationCode.isForeignValue(value)
            }
        }
    }

    /// The settings that start at `start`: a run of at least two setting lines (a section
    /// header among them), one of which only configuration writes.
    private static func settings(from start: Int, count: Int, text: (Int) -> Substring) -> (end: Int, language: String)? {
        var end = start
        var configurationOnly = false
        var sections = false
        var spaced = false
        var upperCaseKeys = true
        while end < count, let line = SettingLine(text(end)) {
            configurationOnly = configurationOnly || line.isOnlyConfiguration
            switch line {
            case .section:
                sections = true
            case let .setting(key, _, isSpaced):
                spaced = spaced || isSpaced
                upperCaseKeys = upperCaseKeys && key.utf8.allSatisfy { $0.isASCIIUppercase || $0.isASCIIDigit || $0 == 0x5F }
            }
            end += 1
        }
        guard end - start >= 2, configurationOnly else { return nil }
        let language = sections || spaced ? "ini" : upperCaseKeys ? "dotenv" : "properties"
        return (end, language)
    }

    /// A value Python does not write: a URL, a path, a lower-case boolean, or one that starts
    /// with a dot (`.git,__pycache__`). A value with quotes or brackets may be Python's own
    /// (`url = "https://…"`, `f(a="/tmp")`): it never counts.
    private static func isForeignValue(_ value: Substring) -> Bool {
        guard !value.utf8.contains(where: { $0.isOne(of: "\"'()[]{}") }) else { return false }
        if value.containsBytes("://") { return true }
        if let first = value.utf8.first, first == 0x2E || first == 0x2F || first == 0x7E { return true }
        return foreignWords.contains(value)
    }

    private static let foreignWords: Set<Substring> = ["true", "false", "yes", "no", "on", "off", "none", "null"]

    // MARK: Dockerfiles

    /// The instructions a Dockerfile line may start with.
    private static let dockerInstructions: Set<Substring> = [
        "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR",
        "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    /// A Dockerfile: `FROM` and an image, then at least one more instruction; a line that ends
    /// in `\` goes on on the next.
    private static func dockerfileEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        guard instruction(of: text(start)) == "FROM" else { return nil }
        var end = start + 1
        while end < count, text(end - 1).utf8.last == 0x5C || instruction(of: text(end)) != nil { end += 1 }
        return end - start >= 2 ? end : nil
    }

    /// The instruction word a Dockerfile line starts with, followed by its arguments.
    private static func instruction(of raw: Substring) -> Substring? {
        guard let space = raw.utf8.firstIndex(of: 0x20), space != raw.utf8.startIndex else { return nil }
        let word = raw[raw.startIndex..<space]
        guard word.utf8.allSatisfy(\.isASCIIUppercase), dockerInstructions.contains(word),
            raw.utf8.index(after: space) < raw.utf8.endIndex
        else { return nil }
        return word
    }

    // MARK: YAML

    /// One line of flattened YAML.
    private enum YAMLLine {
        /// `key:`, which opens a mapping or a list.
        case opener
        /// `key: value`.
        case pair
        /// `- value` or `- key: value`.
        case item

        init?(_ raw: Substring) {
            if raw.hasBytePrefix("- ") {
                let rest = raw.dropFirst(2)
                guard YAMLLine(rest) == .pair || ConfigurationCode.isYAMLScalar(rest) else { return nil }
                self = .item
                return
            }
            // A lower-case key and its colon straight after: a line of prose stops at its first space.
            guard let first = raw.utf8.first, first.isASCIILowercase else { return nil }
            let colon = raw.utf8.firstIndex { !isKeyByte($0) } ?? raw.utf8.endIndex
            guard colon < raw.utf8.endIndex, raw.utf8[colon] == 0x3A else { return nil }
            let key = raw[..<colon]
            guard Keyword(rawValue: String(key)) == nil else { return nil }
            let rest = raw[raw.utf8.index(after: colon)...]
            if rest.isEmpty {
                self = .opener
                return
            }
            guard rest.hasBytePrefix(" "), ConfigurationCode.isYAMLScalar(rest.dropFirst()) else { return nil }
            self = .pair
        }
    }

    /// A YAML value as configuration writes it, not a phrase: one token (`postgres:16`, `3`,
    /// `"8000:8000"`), a quoted string, or a flow list or mapping (`[a, b]`).
    private static func isYAMLScalar(_ value: Substring) -> Bool {
        guard let first = value.utf8.first else { return false }
        switch first {
        case 0x22, 0x27: return value.utf8.count >= 2 && value.utf8.last == first
        case 0x5B: return value.utf8.last == 0x5D
        case 0x7B: return value.utf8.last == 0x7D
        default: return !value.utf8.contains(0x20) && value.utf8.last != 0x3A
        }
    }

    /// Where flattened YAML that starts at `start` ends: at least three YAML lines, a mapping
    /// opened (`services:`) and a `key: value` among them.
    private static func yamlEnd(from start: Int, count: Int, text: (Int) -> Substring) -> Int? {
        var end = start
        var (openers, pairs) = (0, 0)
        while end < count, let line = YAMLLine(text(end)) {
            switch line {
            case .opener: openers += 1
            case .pair: pairs += 1
            case .item: break
            }
            end += 1
        }
        return end - start >= 3 && openers > 0 && pairs > 0 ? end : nil
    }

    // MARK: Bytes

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == 0x5F || byte == 0x2E || byte == 0x2D
    }

}
