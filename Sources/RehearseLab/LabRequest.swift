/// One thing for the sandboxed Python to do: run a snippet, or evaluate a claim.
public struct LabRequest: Codable, Sendable {
    var mode: String
    var code: String?
    var setup: String?
    var expr: String?
    /// Wall-clock seconds before the run is stopped.
    var timeout: Double
    /// CPU seconds and bytes of address space for the run.
    var cpu: Int
    var memory: Int
    /// Processes the sandbox user may have at once while the run lasts.
    var processes: Int

    /// Runs `code`; `prelude`, when given, first, in the same namespace (imports the guide
    /// made in earlier blocks), so that the snippet's own lines keep their numbers.
    public static func snippet(_ code: String, prelude: String? = nil, limits: LabLimits) -> LabRequest {
        LabRequest(mode: "snippet", code: code, setup: prelude, expr: nil, timeout: limits.seconds, cpu: limits.cpuSeconds,
            memory: limits.memoryBytes, processes: limits.processes)
    }

    public static func claim(expr: String, setup: String?, limits: LabLimits) -> LabRequest {
        LabRequest(
            mode: "claim", code: nil, setup: setup, expr: expr, timeout: limits.seconds, cpu: limits.cpuSeconds, memory: limits.memoryBytes,
            processes: limits.processes)
    }
}

/// What the sandboxed Python answered.
public struct LabAnswer: Codable, Sendable, Equatable {
    public var status: String
    public var output: String?
    public var error: String?
    public var package: String?
    public var actual: String?

    public init(status: String, output: String? = nil, error: String? = nil, package: String? = nil, actual: String? = nil) {
        self.status = status
        self.output = output
        self.error = error
        self.package = package
        self.actual = actual
    }
}

/// The limits of one run.
public struct LabLimits: Sendable {
    public var seconds: Double
    public var cpuSeconds: Int
    public var memoryBytes: Int
    /// Processes the sandbox user may have at once (`RLIMIT_NPROC`), counting every sandbox
    /// running meanwhile; at most ``Sandbox/processLimit``.
    public var processes: Int

    public init(seconds: Double = 5, cpuSeconds: Int = 5, memoryBytes: Int = 1 << 30, processes: Int = Sandbox.processLimit) {
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.processes = processes
    }
}

/// Runs lab requests in a sandbox.
public protocol SnippetRunner: Sendable {
    var isolation: Isolation { get }
    func run(_ request: LabRequest) -> LabAnswer
}
