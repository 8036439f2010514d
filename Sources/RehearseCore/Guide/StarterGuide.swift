import Foundation

/// The guides that ship with Rehearse, used when the user has imported none.
public enum StarterGuide {
    public static let pythonDeepDiveFileName = "00-python-deep-dive.md"

    /// The bundled Python deep dive, read with the Markdown reader.
    public static func pythonDeepDive() throws(GuideError) -> Guide {
        guard let url = Bundle.module.url(forResource: "StarterGuides/\(pythonDeepDiveFileName)", withExtension: nil)
            ?? Bundle.module.url(forResource: pythonDeepDiveFileName, withExtension: nil, subdirectory: "StarterGuides"),
            let data = try? Data(contentsOf: url)
        else {
            throw .unreadable(file: pythonDeepDiveFileName, reason: "the bundled starter guide is missing from the installation")
        }
        return try GuideReader().read(data, fileName: pythonDeepDiveFileName)
    }
}
