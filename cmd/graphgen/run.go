package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes, documented in the README and in the help text.
const (
	exitOK       = 0 // success; for check, the output is up to date
	exitFindings = 1 // check found drift, or the pages have errors
	exitUsage    = 2 // bad command line, or a file could not be read or written
)

// command is one subcommand of graphgen.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string // one line, for the list of commands
	doc     string // what "graphgen help NAME" prints after the synopsis
	// quiet says whether the command prints diagnostics, and so takes -q.
	quiet bool
	// sarif says whether the command takes -format sarif.
	sarif bool
	// flags declares the command's own flags on fs and returns the
	// function that runs it once they are parsed.
	flags func(c *cli, fs *flag.FlagSet, com *common) func(args []string) int
}

// commands is the command table, in the order of the usage text.
var commands = []*command{
	generateCommand,
	checkCommand,
	reportCommand,
	lintCommand,
	diffCommand,
	codesCommand,
}

func lookup(name string) *command {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

func usage() string {
	var b strings.Builder
	b.WriteString("graphgen turns Markdown resource pages into a Go package.\n\nUsage:\n")
	for _, cmd := range commands {
		fmt.Fprintf(&b, "  graphgen %-8s %s\n", cmd.name, cmd.args)
	}
	b.WriteString("  graphgen help [COMMAND]\n  graphgen version\n\nCommands:\n")
	for _, cmd := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", cmd.name, strings.ReplaceAll(cmd.summary, "\n", "\n             "))
	}
	b.WriteString(`
Every command takes -format text|json|github; github prints GitHub Actions
workflow commands (::error file=...,line=...::message), and lint also takes
sarif (SARIF 2.1.0, for GitHub code scanning). Every command that reports
findings takes -q, which prints errors only.

Exit status: 0 success (check: up to date; diff: no change that -fail-on
fails), 1 drift, changes or errors in the pages, 2 usage error or a file,
folder or revision that could not be read or written.

Run "graphgen help COMMAND" for the flags of a command.
`)
	return b.String()
}

// cli carries what a command needs; there is no package-level state.
type cli struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			return c.help(args[1:])
		}
		fmt.Fprint(stdout, usage())
		return exitOK
	case "version", "-version", "--version":
		return c.version(args[1:])
	default:
		if cmd := lookup(name); cmd != nil {
			return c.run(cmd, args[1:])
		}
		fmt.Fprintf(stderr, "graphgen: unknown command %q%s\n", name, didYouMean(name))
		fmt.Fprintln(stderr, `Run "graphgen help" for the list of commands.`)
		return exitUsage
	}
}

// help prints the usage of one command, on stdout, as -h does on stderr.
func (c *cli) help(args []string) int {
	if len(args) > 1 {
		fmt.Fprintf(c.stderr, "graphgen help: want one command, got %d arguments\n", len(args))
		return exitUsage
	}
	switch args[0] {
	case "help":
		fmt.Fprint(c.stdout, "Usage: graphgen help [COMMAND]\n\nPrints the list of commands, or the usage and flags of COMMAND.\n")
		return exitOK
	case "version":
		fmt.Fprint(c.stdout, "Usage: graphgen version\n\nPrints the version of graphgen, from its build information.\n")
		return exitOK
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(c.stderr, "graphgen help: unknown command %q%s\n", args[0], didYouMean(args[0]))
		return exitUsage
	}
	fs, _ := c.flagSet(cmd)
	fs.SetOutput(c.stdout)
	fs.Usage()
	return exitOK
}

// common holds the flags every command takes.
type common struct {
	format string
	quiet  bool
}

// flagSet declares the flags of cmd: its own, then the common ones.
func (c *cli) flagSet(cmd *command) (*flag.FlagSet, func(args []string) int) {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	com := &common{}
	runFn := cmd.flags(c, fs, com)
	doc := formatDoc
	if cmd.sarif {
		doc = formatDocSARIF
	}
	fs.StringVar(&com.format, "format", formatText, doc)
	if cmd.quiet {
		fs.BoolVar(&com.quiet, "q", false, "print errors only, not warnings or notes")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: graphgen %s %s\n\n%s\n\nFlags:\n", cmd.name, cmd.args, cmd.doc)
		fs.PrintDefaults()
	}
	// The format is checked here, once for every command, so that none
	// of them starts work it cannot print.
	return fs, func(args []string) int {
		if msg := badFormat(cmd, com.format); msg != "" {
			fmt.Fprintln(c.stderr, msg)
			fs.Usage()
			return exitUsage
		}
		return runFn(args)
	}
}

// run parses the flags of cmd and runs it. Flags may also follow the
// arguments ("graphgen diff a b -fail-on any"), which the flag package alone
// would take as arguments.
func (c *cli) run(cmd *command, args []string) int {
	fs, runFn := c.flagSet(cmd)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return runFn(rest)
}

// usageError prints a usage error of cmd, then its usage.
func (c *cli) usageError(fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "graphgen %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return exitUsage
}

// required reports the usage error of missing flags and unexpected
// arguments, or returns true.
func (c *cli) required(fs *flag.FlagSet, args []string, flags ...string) (int, bool) {
	var missing []string
	for _, name := range flags {
		if fs.Lookup(name).Value.String() == "" {
			missing = append(missing, "-"+name)
		}
	}
	// A flag given an empty value is a mistake (a variable that was not
	// set), not the flag left out.
	var empty string
	fs.Visit(func(f *flag.Flag) {
		if g, ok := f.Value.(flag.Getter); ok && empty == "" {
			if v, ok := g.Get().(string); ok && v == "" {
				empty = f.Name
			}
		}
	})
	switch {
	case empty != "":
		return c.usageError(fs, "-%s is empty: want a value, or leave the flag out", empty), false
	case len(missing) > 0:
		return c.usageError(fs, "missing %s", strings.Join(missing, " and ")), false
	case len(args) > 0:
		return c.usageError(fs, "unexpected argument %q", args[0]), false
	}
	return 0, true
}

// specFolder checks that dir, given as -spec, is a folder.
func (c *cli) specFolder(cmd, dir string) bool {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "graphgen %s: -spec %s: not a readable folder\n", cmd, dir)
		return false
	}
	return true
}

// didYouMean suggests the command closest to a mistyped one, as
// `; did you mean "generate"?`, or returns "" when none is close.
func didYouMean(name string) string {
	best, bestDist := "", 3
	for _, cmd := range commands {
		if d := editDistance(strings.ToLower(name), cmd.name); d < bestDist {
			best, bestDist = cmd.name, d
		}
	}
	for _, n := range []string{"help", "version"} {
		if d := editDistance(strings.ToLower(name), n); d < bestDist {
			best, bestDist = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance of a and b, in bytes: command
// names are ASCII.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
