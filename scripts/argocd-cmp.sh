#!/usr/bin/env bash
# Builds Argo CD's argocd-cmp-server, and cmp-generate, a client that drives
# it over its unix socket as the repo-server does (MatchRepository, then
# GenerateManifest with the repository as a tarball), into
# .cache/argocd-cmp/. The e2e tier argocd-cmp-server runs when they exist.
#
# Both come from the Go module proxy through a throwaway module in a
# temporary directory; Argo CD is never a dependency of strimzi-render.
# v3.2.12 is the newest release that builds as a dependency with Go 1.26:
# v3.3 to v3.5 take gitops-engine from a directory of their own repository
# (a replace the go command ignores in a dependency), and v3.6 needs Go 1.27.
# A cold build takes about five minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local CGO_ENABLED=0
version=${ARGOCD_VERSION:-v3.2.12}
out="$PWD/.cache/argocd-cmp"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/argocd-cmp-server" "$work/cmp-generate"
cd "$work"

cat > argocd-cmp-server/main.go <<'GO'
// Command argocd-cmp-server is Argo CD's config management plugin server.
package main

import (
	"os"

	"github.com/argoproj/argo-cd/v3/cmd/argocd-cmp-server/commands"
)

func main() {
	if err := commands.NewCommand().Execute(); err != nil {
		os.Exit(1)
	}
}
GO

cat > cmp-generate/main.go <<'GO'
// Command cmp-generate asks an argocd-cmp-server whether it claims an
// application and for its manifests, as the Argo CD repo-server does.
//
//	cmp-generate SOCKET REPO_DIR APP_PATH [NAME=VALUE]...
//
// APP_PATH is relative to REPO_DIR; the NAME=VALUE pairs are the build
// environment and ARGOCD_ENV_ entries. It prints the manifests as a YAML
// stream; exit 3 means the plugin's discover did not claim the application.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/argoproj/argo-cd/v3/cmpserver/apiclient"
	"github.com/argoproj/argo-cd/v3/util/cmp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: cmp-generate SOCKET REPO_DIR APP_PATH [NAME=VALUE]...")
		os.Exit(2)
	}
	sock, repo, app, env := os.Args[1], os.Args[2], os.Args[3], os.Args[4:]
	appPath := filepath.Join(repo, app)
	excluded := []string{".git/*"}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := grpc.NewClient("unix://"+sock, grpc.WithTransportCredentials(insecure.NewCredentials()))
	check("connecting", err)
	defer conn.Close()
	client := apiclient.NewConfigManagementPluginServiceClient(conn)

	match, err := client.MatchRepository(ctx)
	check("MatchRepository", err)
	check("sending the repository", cmp.SendRepoStream(match.Context(), appPath, repo, match, env, excluded))
	claimed, err := match.CloseAndRecv()
	check("MatchRepository", err)
	if !claimed.GetIsSupported() {
		fmt.Fprintf(os.Stderr, "the plugin does not claim %s (discovery enabled: %v)\n", app, claimed.GetIsDiscoveryEnabled())
		os.Exit(3)
	}

	gen, err := client.GenerateManifest(ctx)
	check("GenerateManifest", err)
	check("sending the repository", cmp.SendRepoStream(gen.Context(), appPath, repo, gen, env, excluded))
	resp, err := gen.CloseAndRecv()
	check("GenerateManifest", err)
	for _, m := range resp.GetManifests() {
		fmt.Printf("---\n%s\n", m)
	}
}

func check(step string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", step, err)
		os.Exit(1)
	}
}
GO

go mod init local/argocd-cmp >/dev/null 2>&1
# Argo CD pins the Kubernetes staging modules with replace directives, which
# apply only in its own module: copy them, minus local paths.
curl -fsS "$(go env GOPROXY | cut -d, -f1)/github.com/argoproj/argo-cd/v3/@v/$version.mod" |
  awk '/^replace \(/{f=1;print;next} f&&/^\)/{print;f=0;next} f&&$0!~/=> \.\//{print}' >> go.mod
go get "github.com/argoproj/argo-cd/v3@$version"
go mod tidy
go build -trimpath -ldflags "-s -w" -o "$out/" ./argocd-cmp-server ./cmp-generate
echo "built $out/argocd-cmp-server and $out/cmp-generate (Argo CD $version)"
