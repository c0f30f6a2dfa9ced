// Package out holds widgets; this file is written by hand.
package out
