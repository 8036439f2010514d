// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
        .executable(name: "rehearse", targets: ["rehearse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "RehearseCore",
            resources: [.copy("Resources/StarterGuides")]
        ),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["RehearseCore"]
        ),
        .testTarget(
            name: "RehearseCoreTests",
            dependencies: ["RehearseCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RehearseCLITests",
            dependencies: ["rehearse"]
        ),
    ]
)
