// Package out holds widgets.
package out
