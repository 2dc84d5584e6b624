package certmanager

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"time"
)

// TLSEnd is one side of a handshake: its certificate (nil for a client
// without one) and the CAs it trusts.
type TLSEnd struct {
	Cert  *tls.Certificate
	Trust *x509.CertPool
}

// KeyPair loads PEM certificate chain and key.
func KeyPair(chainPEM, keyPEM []byte) (*tls.Certificate, error) {
	c, err := tls.X509KeyPair(chainPEM, keyPEM)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// TrustPool makes a pool of the PEM certificates; none is an error.
func TrustPool(pemCerts []byte) (*x509.CertPool, error) {
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(pemCerts) {
		return nil, errors.New("no PEM certificate to trust")
	}
	return p, nil
}

// Handshake runs a TLS 1.2+ handshake over an in-memory connection: the
// client dials serverName and verifies the server's certificate against its
// trust, with hostname verification; with requireClientCert the server
// demands and verifies the client's certificate (Kafka's
// ssl.client.auth=required).
func Handshake(client, server TLSEnd, serverName string, requireClientCert bool) error {
	if server.Cert == nil {
		return errors.New("the server has no certificate")
	}
	scfg := &tls.Config{Certificates: []tls.Certificate{*server.Cert}, MinVersion: tls.VersionTLS12, ClientCAs: server.Trust}
	if requireClientCert {
		scfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	ccfg := &tls.Config{ServerName: serverName, RootCAs: client.Trust, MinVersion: tls.VersionTLS12}
	if client.Cert != nil {
		ccfg.Certificates = []tls.Certificate{*client.Cert}
	}
	cc, sc := net.Pipe()
	defer cc.Close()
	defer sc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	serr := make(chan error, 1)
	go func() {
		s := tls.Server(sc, scfg)
		err := s.HandshakeContext(ctx)
		if err == nil {
			// TLS 1.3 clients finish before the server has read their
			// certificate; one byte each way makes both sides verify.
			buf := make([]byte, 1)
			if _, err = s.Read(buf); err == nil {
				_, err = s.Write(buf)
			}
		}
		if err != nil {
			sc.Close()
		}
		serr <- err
	}()
	c := tls.Client(cc, ccfg)
	cerr := c.HandshakeContext(ctx)
	if cerr == nil {
		if _, cerr = c.Write([]byte{1}); cerr == nil {
			_, cerr = c.Read(make([]byte, 1))
		}
	}
	if cerr != nil {
		cc.Close()
	}
	err := <-serr
	if cerr != nil || err != nil {
		return fmt.Errorf("handshake with %s: client: %v; server: %v", serverName, cerr, err)
	}
	return nil
}
