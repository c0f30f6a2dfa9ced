package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update golden files (testscript scripts and the catalogue)")

// TestMain lets the scripts run graphgen as a command, in the test binary
// itself, so no separate build is needed.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"graphgen": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
		},
		"exitcode": exitcode,
	})
}

// exitcode runs "exitcode N PROG ARGS..." : PROG with ARGS, passing its
// output through, and succeeds only when PROG exits with status N. The
// scripts use it to pin the documented exit codes, which "! exec" cannot
// tell apart.
func exitcode() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: exitcode N PROG [ARGS...]")
		os.Exit(2)
	}
	want, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "exitcode: bad status %q\n", os.Args[1])
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	got := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintf(os.Stderr, "exitcode: %v\n", err)
			os.Exit(2)
		}
		got = ee.ExitCode()
	}
	if got != want {
		fmt.Fprintf(os.Stderr, "exitcode: %s exited with status %d, want %d\n", os.Args[2], got, want)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestScripts runs the end-to-end scripts of testdata/script. With -update,
// the cmp files of each script are rewritten from what graphgen printed.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mtimes": mtimes,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, nil
		},
	})
}

// mtimes prints the name, size and modification time, to the nanosecond,
// of every entry of a folder, so a script can show that a run rewrote
// nothing: "mtimes out" then "cp stdout before", and later "cmp stdout
// before".
func mtimes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mtimes DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		info, err := e.Info()
		ts.Check(err)
		fmt.Fprintf(ts.Stdout(), "%s %d %d\n", filepath.ToSlash(e.Name()), info.Size(), info.ModTime().UnixNano())
	}
}
