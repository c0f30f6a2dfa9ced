package generator

// WriteOut is Write with a failure point, for the tests that stop a Write
// half-way as a crash would.
var WriteOut = writeOut
