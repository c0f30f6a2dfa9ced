package main

import (
	"fmt"
	"runtime/debug"
)

// version prints the module version graphgen was built from: a tagged
// version when installed with go install …@version, a pseudo-version or
// (devel) in a checkout, with the VCS revision when the build recorded it.
func (c *cli) version(args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(c.stderr, "graphgen version: unexpected argument %q\n", args[0])
		return exitUsage
	}
	fmt.Fprintln(c.stdout, versionString())
	return exitOK
}

func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "graphgen (unknown version: built without module information)"
	}
	v := moduleVersion()
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	out := "graphgen " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += fmt.Sprintf(" (%s%s)", rev, modified)
	}
	return out + " " + info.GoVersion
}

// moduleVersion returns the version of the graphgen module this binary was
// built from, as go install records it ("v1.2.0"), "(devel)" in a checkout,
// or "unknown" without build information.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
