package out

// Widget is written by hand.
type Widget struct{}
