import ArgumentParser
import Foundation

/// Finds scenario files: given files as they are, directories searched recursively for
/// `.yaml`, `.yml` and `.json` files (schemas excepted), in sorted order.
enum ScenarioFiles {
    static func find(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += entries.filter(isScenario).sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    private static func isScenario(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"))
            && !name.hasSuffix(".schema.json")
    }
}
