import Foundation

extension JSONValue {
    /// A JSONSerialization value as a JSONValue, with the encoder's
    /// non-finite markers as null.
    public static func fromFoundation(_ any: Any) -> JSONValue {
        switch any {
        case let dictionary as [String: Any]:
            return .object(dictionary.keys.sorted().map { ($0, fromFoundation(dictionary[$0]!)) })
        case let array as [Any]:
            return .array(array.map(fromFoundation))
        case let string as String:
            return ["+inf", "-inf", "nan"].contains(string) ? .null : .string(string)
        case let number as NSNumber:
            // A boolean arrives as an NSNumber of type `c` (char).
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .finite(number.doubleValue)
        default:
            return .null
        }
    }
}
