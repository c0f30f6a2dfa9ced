// Command graphgen generates Go packages from Microsoft Graph style Markdown
// resource pages, and checks that committed generated code matches its
// pages. Run "graphgen help" for the commands.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
