import Foundation

/// How snippets are confined, detected at run time: the strongest the machine offers.
///
/// - `bubblewrap`: a non-root user (`setpriv`), new namespaces for everything (no network,
///   its own PIDs), read-only `/usr`, no home folder, an empty `/tmp`, a clean environment,
///   and rlimits (`prlimit`) on CPU, memory, processes, file size and open files.
/// - `unshare`: no network and a clean environment, with the rlimits; files are not hidden.
/// - `rlimits-only`: limits and a clean environment only.
public enum Isolation: String, Sendable, CaseIterable {
    case bubblewrap
    case unshare
    case rlimitsOnly = "rlimits-only"

    /// The strongest isolation that works here.
    public static func detect() -> Isolation? {
        allCases.first(where: Sandbox.isAvailable)
    }
}

/// The command lines that start Python under each isolation.
public enum Sandbox {
    /// Debian's Python: an interpreter under /root or a virtual environment would not be
    /// readable by the unprivileged user the sandbox runs as.
    public static let python = "/usr/bin/python3"

    /// Limits for the whole sandbox: CPU seconds, address space, processes, file size, files.
    static let limits = ["--cpu=600", "--as=2000000000", "--nproc=\(processLimit)", "--fsize=10000000", "--nofile=64"]

    /// Processes the sandbox user may have at once, counted over every sandbox, since all run
    /// as that one user; a run may lower it for itself (``LabLimits/processes``).
    public static let processLimit = 64

    /// The command line that starts Python with `arguments` under `isolation`.
    static func command(for isolation: Isolation, arguments: [String]) -> [String] {
        command(for: isolation, running: [python, "-I"] + arguments)
    }

    /// `program` (an absolute path and its arguments) under `isolation`.
    static func command(for isolation: Isolation, running program: [String]) -> [String] {
        let prlimit = ["/usr/bin/prlimit"] + limits
        let dropPrivileges = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        switch isolation {
        case .bubblewrap:
            return prlimit + dropPrivileges + [
                "/usr/bin/bwrap", "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--unshare-all", "--die-with-parent", "--new-session", "--dev", "/dev",
                "--proc", "/proc", "--tmpfs", "/tmp", "--chdir", "/tmp", "--clearenv", "--setenv", "PATH", "/usr/bin",
                "--setenv", "HOME", "/tmp",
            ] + program
        case .unshare:
            let unshare = getuid() == 0 ? ["/usr/bin/unshare", "-n"] : ["/usr/bin/unshare", "-rn"]
            return prlimit + unshare + dropPrivileges + ["/usr/bin/env", "-i", "PATH=/usr/bin"] + program
        case .rlimitsOnly:
            return prlimit + dropPrivileges + ["/usr/bin/env", "-i", "PATH=/usr/bin"] + program
        }
    }

    /// Sandboxed processes can die at any moment (a limit, a kill): writing to their pipes
    /// must then fail with an error, not end this program with SIGPIPE.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether the given isolation works on this machine: Python is there, and a program
    /// starts under that confinement. The probe runs `/usr/bin/true`, not Python, which
    /// would take ten times as long to start and prove nothing more: the interpreter is
    /// the machine's own, under the same limits.
    public static func isAvailable(_ isolation: Isolation) -> Bool {
        FileManager.default.isExecutableFile(atPath: python) && works(command(for: isolation, running: ["/usr/bin/true"]))
    }

    static func works(_ command: [String]) -> Bool {
        guard let executable = command.first, FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
