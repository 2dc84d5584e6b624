package quote_test

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/fn/quote"
)

// A user string becomes one shell word: nothing in it is expanded, and a
// single quote is closed, written inside double quotes and reopened.
func ExampleShellWord() {
	fmt.Println(quote.ShellWord("my-plugin"))
	fmt.Println(quote.ShellWord("it's $(id)"))
	fmt.Println(quote.ShellWord(""))
	// Output:
	// 'my-plugin'
	// 'it'"'"'s $(id)'
	// ''
}

func ExampleShellWords() {
	fmt.Println(quote.ShellWords("curl", "-f", "-L", "https://example.com/a b.jar"))
	// Output: 'curl' '-f' '-L' 'https://example.com/a b.jar'
}

// Maven settings get the five predefined entities and a character
// reference for everything above '~', as Strimzi writes them.
func ExampleXML() {
	fmt.Println(quote.XML(`https://repo.example.com/maven2?a=1&b="2"`))
	fmt.Println(quote.XML("café"))
	// Output:
	// https://repo.example.com/maven2?a=1&amp;b=&quot;2&quot;
	// caf&#233;
}

// Text is written as it is; Word and Words, which carry user data, are
// always quoted.
func ExampleLine() {
	fmt.Println(quote.Line(
		quote.Text("buildah build --file=/dockerfile --tag="), quote.Word("registry/my-connect:latest"),
		quote.Words{"--format=docker", "--label=a b"},
	))
	fmt.Println(quote.Line(quote.Text("buildah push"), quote.Words(nil)))
	// Output:
	// buildah build --file=/dockerfile --tag='registry/my-connect:latest' '--format=docker' '--label=a b'
	// buildah push
}

func ExampleScript() {
	fmt.Printf("%q\n", quote.Script(
		quote.Line(quote.Text("cd "), quote.Word("/tmp/build dir")),
		quote.Line(quote.Text("ls")),
	))
	// Output: "cd '/tmp/build dir'\nls"
}
