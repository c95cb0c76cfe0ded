import CLibEdit

extension LineEditor {
    /// The owner of `el`, stored with EL_CLIENTDATA (C callbacks cannot capture).
    static func owner(of el: OpaquePointer?) -> LineEditor? {
        guard let data = r2_el_get_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    static let promptCallback: r2_el_prompt_fn = { el in
        owner(of: el)?.promptStorage.pointer
    }

    static let completeCallback: r2_el_command_fn = { el, _ in
        guard let el, let editor = owner(of: el) else { return UInt8(CC_ERROR) }
        return editor.completeAtCursor(el)
    }
}
