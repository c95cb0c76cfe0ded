/// The recorder of the bulk run: records nothing, costs nothing.
struct NoRecorder: TrialRecorder {
    static var isActive: Bool { false }
}
