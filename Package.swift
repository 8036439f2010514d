// swift-tools-version:6.0
import PackageDescription

/// Where the `rehearse` command and `rehearse-bench` are built with `-static-stdlib`: release
/// builds on Linux.
///
/// A release build of the command on Linux carries Swift's runtime and Foundation inside it
/// (as `swift build --static-swift-stdlib` would, without that flag on every build command):
/// it no longer loads and links some twenty shared libraries at every start (`rehearse --help`
/// takes 12 ms instead of 18; importing the user's guide again 41 ms instead of 51). The
/// command's own module is compiled so too, for it is what names the static libraries to the
/// linker. Debug builds stay dynamic: the test bundle links the same module beside XCTest,
/// which needs the shared runtime.
let linuxRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
        .executable(name: "rehearse", targets: ["rehearse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "RehearseCore",
            resources: [.copy("Resources/StarterGuides"), .copy("Resources/IndentationModel")]
        ),
        .target(
            name: "RehearseStore",
            dependencies: ["RehearseCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        .target(
            name: "RehearseAnki",
            dependencies: [
                "RehearseCore", "RehearseStore", "CZlib", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RehearseLab",
            dependencies: ["RehearseCore"]
        ),
        .target(
            name: "RehearseApp",
            dependencies: ["RehearseCore", "RehearseStore", "RehearseLab", "RehearseAnki"]
        ),
        .target(
            name: "RehearseServer",
            dependencies: [
                "RehearseCore", "RehearseStore", "RehearseApp", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Public")]
        ),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore",
                "RehearseStore",
                "RehearseServer",
                "RehearseApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], linuxRelease)],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], linuxRelease)]
        ),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["RehearseCore", "RehearseStore", "RehearseLab", "RehearseApp", "RehearseAnki"],
            // Built as the command is, so that the benchmarks time the code that ships.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], linuxRelease)],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], linuxRelease)]
        ),
        .testTarget(
            name: "RehearseCoreTests",
            dependencies: ["RehearseCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RehearseLabTests",
            dependencies: ["RehearseLab", "RehearseCore"]
        ),
        .testTarget(
            name: "RehearseServerTests",
            dependencies: [
                "RehearseServer", "RehearseStore", "RehearseCore", "RehearseLab", "RehearseApp",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "RehearseAppTests",
            dependencies: [
                "RehearseApp", "RehearseStore", "RehearseCore", "RehearseAnki", "RehearseLab", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "RehearseStoreTests",
            dependencies: ["RehearseStore", "RehearseCore"]
        ),
        .testTarget(
            name: "RehearseCLITests",
            dependencies: ["rehearse"],
            exclude: ["Scripts"]
        ),
    ]
)
