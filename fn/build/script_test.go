package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fidelityImage = "registry.example.com/my-org/my-connect:latest"

func TestBuildahArgs(t *testing.T) {
	cases := map[string]struct {
		output Output
		script string
	}{
		"reference build, no options": {
			Output{Type: OutputDocker, Image: fidelityImage},
			"buildah build --file=/dockerfile/Dockerfile --tag='" + fidelityImage + "' --storage-driver=vfs\n" +
				"buildah push --storage-driver=vfs --digestfile=/tmp/digest '" + fidelityImage + "'\n" +
				`echo "$(buildah images --storage-driver=vfs --format '{{.Name}}' '` + fidelityImage + `')@$(cat /tmp/digest)" > /dev/termination-log`,
		},
		"options are quoted words": {
			Output{Type: OutputDocker, Image: "my-image:latest",
				AdditionalBuildOptions: []string{"--retry=3", "--creds=u:p;touch /x"},
				AdditionalPushOptions:  []string{"--quiet", "--creds=it's"}},
			"buildah build --file=/dockerfile/Dockerfile --tag='my-image:latest' --storage-driver=vfs '--retry=3' '--creds=u:p;touch /x'\n" +
				`buildah push --storage-driver=vfs --digestfile=/tmp/digest '--quiet' '--creds=it'"'"'s' 'my-image:latest'` + "\n" +
				`echo "$(buildah images --storage-driver=vfs --format '{{.Name}}' 'my-image:latest')@$(cat /tmp/digest)" > /dev/termination-log`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, []string{"/bin/bash", "-ec", c.script}, BuildahArgs(c.output))
		})
	}
}

// fakeBuildah records each call's arguments, NUL-terminated, in
// $BUILDAH_RECORD/<call number>, writes a digest on push and prints an image
// name for images.
const fakeBuildah = `#!/bin/bash
n=0
while [ -e "$BUILDAH_RECORD/$n" ]; do n=$((n+1)); done
printf '%s\0' "$@" > "$BUILDAH_RECORD/$n"
case "$1" in
push)
	for a in "$@"; do
		case "$a" in --digestfile=*) printf 'sha256:0123abcd' > "${a#--digestfile=}" ;; esac
	done ;;
images) echo 'localhost/built:latest' ;;
esac
`

// TestBuildahScriptKeepsUserWordsInert runs the script with bash and a fake
// buildah: every option and the image must arrive as one argument, byte for
// byte, and nothing in them may run.
func TestBuildahScriptKeepsUserWordsInert(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	hostile := []string{
		"--creds=u:p;touch CANARY",
		"--creds=$(touch CANARY)",
		"--creds=`touch CANARY`",
		"--creds=u:p\ntouch CANARY",
		"--creds=it's'; touch CANARY; '",
		`--creds="$(touch CANARY)"`,
		"--creds=a && touch CANARY || b",
		"--creds=a | tee CANARY",
		"--creds=${IFS}*$HOME\\",
		"--creds= spaced  out ",
	}
	cases := map[string]Output{
		"hostile build options": {Image: "my-image:latest", AdditionalBuildOptions: hostile},
		"hostile push options":  {Image: "my-image:latest", AdditionalPushOptions: hostile},
		"hostile image":         {Image: "my-image:latest;touch CANARY;$(touch CANARY)'`touch CANARY`"},
		"no options":            {Image: fidelityImage},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			canary := filepath.Join(dir, "canary")
			o = withCanary(o, canary)
			bin, rec := filepath.Join(dir, "bin"), filepath.Join(dir, "record")
			require.NoError(t, os.Mkdir(bin, 0o755))
			require.NoError(t, os.Mkdir(rec, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(bin, "buildah"), []byte(fakeBuildah), 0o755))
			digest, termLog := filepath.Join(dir, "digest"), filepath.Join(dir, "termination-log")

			cmd := exec.Command(bash, "-ec", buildahScript(o, digest, termLog))
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "BUILDAH_RECORD="+rec)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))

			want := [][]string{
				append([]string{"build", "--file=/dockerfile/Dockerfile", "--tag=" + o.Image, "--storage-driver=vfs"}, o.AdditionalBuildOptions...),
				append(append([]string{"push", "--storage-driver=vfs", "--digestfile=" + digest}, o.AdditionalPushOptions...), o.Image),
				{"images", "--storage-driver=vfs", "--format", "{{.Name}}", o.Image},
			}
			for i, w := range want {
				assert.Equal(t, w, recordedArgs(t, filepath.Join(rec, strconv.Itoa(i))), "call %d", i)
			}
			assert.NoFileExists(t, filepath.Join(rec, "3"))
			assert.Equal(t, "localhost/built:latest@sha256:0123abcd\n", mustRead(t, termLog))
			assert.NoFileExists(t, canary)
			assert.NoFileExists(t, filepath.Join(dir, "CANARY"))
		})
	}
}

func withCanary(o Output, canary string) Output {
	r := strings.NewReplacer("CANARY", canary)
	o.Image = r.Replace(o.Image)
	replace := func(opts []string) []string {
		var out []string
		for _, s := range opts {
			out = append(out, r.Replace(s))
		}
		return out
	}
	o.AdditionalBuildOptions = replace(o.AdditionalBuildOptions)
	o.AdditionalPushOptions = replace(o.AdditionalPushOptions)
	return o
}

func recordedArgs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasSuffix(string(b), "\x00"), "record %s", path)
	return strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
}

func TestKanikoArgs(t *testing.T) {
	cases := map[string]struct {
		output Output
		want   []string
	}{
		"reference build": {
			Output{Type: OutputDocker, Image: fidelityImage},
			[]string{"--dockerfile=/dockerfile/Dockerfile", "--image-name-with-digest-file=/dev/termination-log",
				"--destination=" + fidelityImage},
		},
		// KafkaConnectBuildTest.testValidKanikoOptions
		"options verbatim, push options ignored": {
			Output{Type: OutputDocker, Image: "my-image:latest",
				AdditionalBuildOptions: []string{"--reproducible", "--single-snapshot", "--log-format=json"},
				AdditionalPushOptions:  []string{"--quiet"}},
			[]string{"--dockerfile=/dockerfile/Dockerfile", "--image-name-with-digest-file=/dev/termination-log",
				"--destination=my-image:latest", "--reproducible", "--single-snapshot", "--log-format=json"},
		},
		"no shell, so nothing to quote": {
			Output{Type: OutputDocker, Image: "my-image:latest", AdditionalBuildOptions: []string{"--verbosity=$(id);`id`\n'"}},
			[]string{"--dockerfile=/dockerfile/Dockerfile", "--image-name-with-digest-file=/dev/termination-log",
				"--destination=my-image:latest", "--verbosity=$(id);`id`\n'"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, KanikoArgs(c.output))
		})
	}
}
