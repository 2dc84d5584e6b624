package certmanager

import (
	"fmt"
	"net"
	"strings"
)

// Properties reads the subset of Java properties the rendered files use:
// key=value lines, # and ! comments, trailing-backslash continuations.
func Properties(text string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + strings.TrimSpace(lines[i])
		}
		k, v, ok := cutUnescaped(line)
		if !ok {
			continue
		}
		out[unescape(strings.TrimSpace(k))] = unescape(strings.TrimSpace(v))
	}
	return out
}

// cutUnescaped splits at the first = or : that no backslash escapes.
func cutUnescaped(line string) (string, string, bool) {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '=', ':':
			return line[:i], line[i+1:], true
		}
	}
	return "", "", false
}

// unescape undoes the escapes java.util.Properties reads (not \u).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Endpoint is a host and port something is dialled on.
type Endpoint struct {
	Listener string
	Host     string
	Port     string
}

func (e Endpoint) String() string { return net.JoinHostPort(e.Host, e.Port) }

// AdvertisedListeners parses NAME://host:port,... .
func AdvertisedListeners(v string) ([]Endpoint, error) {
	var out []Endpoint
	for _, l := range splitList(v) {
		name, addr, ok := strings.Cut(l, "://")
		if !ok {
			return nil, fmt.Errorf("advertised listener %q has no ://", l)
		}
		h, p, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, fmt.Errorf("advertised listener %q: %w", l, err)
		}
		out = append(out, Endpoint{Listener: name, Host: h, Port: p})
	}
	return out, nil
}

// QuorumVoters parses id@host:port,... into node ID and endpoint.
func QuorumVoters(v string) (map[string]Endpoint, error) {
	out := map[string]Endpoint{}
	for _, voter := range splitList(v) {
		id, addr, ok := strings.Cut(voter, "@")
		if !ok {
			return nil, fmt.Errorf("voter %q has no @", voter)
		}
		h, p, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, fmt.Errorf("voter %q: %w", voter, err)
		}
		out[id] = Endpoint{Host: h, Port: p}
	}
	return out, nil
}

// HostPorts parses host:port,... (bootstrap.servers and the like).
func HostPorts(v string) ([]Endpoint, error) {
	var out []Endpoint
	for _, a := range splitList(v) {
		h, p, err := net.SplitHostPort(a)
		if err != nil {
			return nil, fmt.Errorf("address %q: %w", a, err)
		}
		out = append(out, Endpoint{Host: h, Port: p})
	}
	return out, nil
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Substitute replaces every ${strimzisecrets:ns/name:key} in a value with
// the Secret's data, as KubernetesSecretConfigProvider would.
func Substitute(cluster, value string, secrets SecretStore) (string, error) {
	var err error
	out := strimziSecret.ReplaceAllStringFunc(value, func(ref string) string {
		m := strimziSecret.FindStringSubmatch(ref)
		s := secrets.Get(cluster, m[1], m[2])
		if s == nil || s.Data[m[3]] == nil {
			err = fmt.Errorf("%s does not resolve", ref)
			return ""
		}
		return string(s.Data[m[3]])
	})
	if strings.Contains(out, "${") && err == nil {
		err = fmt.Errorf("unresolved reference left in %q", value)
	}
	return out, err
}
