package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOptionsForbidden(t *testing.T) {
	cases := map[string]struct {
		list    Options
		options []string
		want    []string
	}{
		// KafkaConnectBuildTest.testValidBuildahBuildOptions
		"Buildah build accepts --retry": {BuildahBuildOptions, []string{"--retry=3"}, nil},
		// KafkaConnectBuildTest.testInvalidBuildahBuildOptions
		"Buildah build rejects Strimzi examples": {BuildahBuildOptions,
			[]string{"--logfile=my-file", "--file=/docker/Another", "--storage-driver=random"},
			[]string{"--logfile", "--file", "--storage-driver"}},
		// KafkaConnectBuildTest.testValidBuildahBuildOptions
		"Buildah push accepts --quiet": {BuildahPushOptions, []string{"--quiet"}, nil},
		// KafkaConnectBuildTest.testInvalidBuildahPushOptions
		"Buildah push rejects Strimzi examples": {BuildahPushOptions,
			[]string{"--digestfile=/tmp/random", "--sign-by=different", "--format=xy"},
			[]string{"--digestfile", "--sign-by", "--format"}},
		// KafkaConnectBuildTest.testValidKanikoOptions
		"Kaniko accepts Strimzi examples": {KanikoOptions, []string{"--reproducible", "--single-snapshot", "--log-format=json"}, nil},
		// KafkaConnectBuildTest.testInvalidKanikoOptionsInAdditionalBuildOptions
		"Kaniko rejects Strimzi examples": {KanikoOptions,
			[]string{"--reproducible", "--reproducible-something", "--build-arg", "--single-snapshot", "--digest-file=/dev/null", "--log-format=json"},
			[]string{"--reproducible-something", "--build-arg", "--digest-file"}},
		"every Buildah build option": {BuildahBuildOptions,
			[]string{"--authfile=/a", "--cert-dir=/c", "--creds=u:p", "--decryption-key=k", "--retry=1", "--retry-delay=2s", "--tls-verify=false"}, nil},
		"every Buildah push option": {BuildahPushOptions,
			[]string{"--authfile=/a", "--cert-dir=/c", "--creds=u:p", "--quiet", "--retry=1", "--retry-delay=2s", "--tls-verify=false"}, nil},
		"push-only option in build":       {BuildahBuildOptions, []string{"--quiet"}, []string{"--quiet"}},
		"build-only option in push":       {BuildahPushOptions, []string{"--decryption-key=k"}, []string{"--decryption-key"}},
		"both Kaniko platform spellings":  {KanikoOptions, []string{"--customPlatform=linux/arm64", "--custom-platform=linux/arm64"}, nil},
		"space instead of =":              {BuildahBuildOptions, []string{"--creds user:pw"}, []string{"--creds user:pw"}},
		"value may hold anything":         {BuildahBuildOptions, []string{"--creds=u:p;touch /x", "--creds=$(id)"}, nil},
		"name only up to the first =":     {BuildahBuildOptions, []string{"--tls-verify=a=b"}, nil},
		"case matters":                    {BuildahBuildOptions, []string{"--CREDS=x"}, []string{"--CREDS"}},
		"empty option":                    {BuildahBuildOptions, []string{""}, []string{""}},
		"duplicates are reported each":    {BuildahPushOptions, []string{"--sign-by=a", "--sign-by=b"}, []string{"--sign-by", "--sign-by"}},
		"no options":                      {KanikoOptions, nil, nil},
		"injected name is still rejected": {BuildahBuildOptions, []string{"--creds;id=x"}, []string{"--creds;id"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, c.list.Forbidden(c.options))
		})
	}
}

func TestForbiddenMessage(t *testing.T) {
	cases := map[string]struct {
		path      string
		forbidden []string
		want      string
	}{
		"build": {BuildOptionsPath, []string{"--logfile", "--file", "--storage-driver"},
			".spec.build.output.additionalBuildOptions contains forbidden options: [--logfile, --file, --storage-driver]"},
		"push": {PushOptionsPath, []string{"--digestfile", "--sign-by", "--format"},
			".spec.build.output.additionalPushOptions contains forbidden options: [--digestfile, --sign-by, --format]"},
		"one": {BuildOptionsPath, []string{"--build-arg"},
			".spec.build.output.additionalBuildOptions contains forbidden options: [--build-arg]"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.want, ForbiddenMessage(c.path, c.forbidden))
		})
	}
}

func TestOptionsAllowedIsACopy(t *testing.T) {
	a := BuildahBuildOptions.Allowed()
	a[0] = "--file"
	assert.Equal(t, "--authfile", BuildahBuildOptions.Allowed()[0])
	assert.Len(t, KanikoOptions.Allowed(), 19)
}
