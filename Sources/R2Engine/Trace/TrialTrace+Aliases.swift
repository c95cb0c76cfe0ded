// The first names of the trace's records, kept so that code written
// against them still compiles; the nested names are canonical.
public typealias TracedInput = TrialTrace.Input
public typealias TracedProgramme = TrialTrace.Programme
public typealias TracedEvent = TrialTrace.Event
public typealias TracedMonth = TrialTrace.Month
public typealias TracedChange = TrialTrace.Change
public typealias TracedSupply = TrialTrace.Supply
public typealias TracedTraining = TrialTrace.Training
public typealias TracedSwitch = TrialTrace.Switch
