// The platform's signing key for Open Badges 3.0 credentials, and what the JS hooks may do
// with it. The hooks (goja) have no WebCrypto, so signing lives here, in Go:
//   - the key is an RSA 2048 key (RS256 is the algorithm every Open Badges 3.0 verifier must
//     accept for the JWT proof format), created on first use and kept in the data directory
//     (<dataDir>/credentials/issuer-key.pem, mode 0600), so it survives restarts and backups
//     of pb_data carry it;
//   - the hooks get $credentials.sign(payloadJSON, kid) -> a compact JWS made by
//     github.com/golang-jwt/jwt/v5 (the JWT library PocketBase itself uses), and
//     $credentials.publicJwk() -> the public key as a JWK (RFC 7517) with its RFC 7638
//     thumbprint as "kid"; pb_hooks/credentials.pb.js publishes it at /api/continuum/issuer/jwks.
// Only the public key ever leaves this file.
package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"

	"github.com/dop251/goja"
	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
)

type issuerKeys struct {
	app  core.App
	once sync.Once
	key  *rsa.PrivateKey
	err  error
}

func (k *issuerKeys) path() string {
	return filepath.Join(k.app.DataDir(), "credentials", "issuer-key.pem")
}

// load reads the key from the data directory, or creates it there the first time.
func (k *issuerKeys) load() (*rsa.PrivateKey, error) {
	k.once.Do(func() {
		file := k.path()
		if raw, err := os.ReadFile(file); err == nil {
			block, _ := pem.Decode(raw)
			if block == nil {
				k.err = fmt.Errorf("%s is not a PEM file: restore it from a backup, or remove it to make a new key (credentials signed with the old key then no longer verify)", file)
				return
			}
			parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				k.err = fmt.Errorf("%s: %w", file, err)
				return
			}
			rsaKey, ok := parsed.(*rsa.PrivateKey)
			if !ok {
				k.err = fmt.Errorf("%s does not hold an RSA key", file)
				return
			}
			k.key = rsaKey
			return
		} else if !errors.Is(err, os.ErrNotExist) {
			k.err = err
			return
		}
		created, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			k.err = err
			return
		}
		der, err := x509.MarshalPKCS8PrivateKey(created)
		if err != nil {
			k.err = err
			return
		}
		if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
			k.err = err
			return
		}
		// written aside and renamed, so that a crash never leaves half a key
		tmp := file + ".tmp"
		if err := os.WriteFile(tmp, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
			k.err = err
			return
		}
		if err := os.Rename(tmp, file); err != nil {
			k.err = err
			return
		}
		k.key = created
	})
	return k.key, k.err
}

func b64(data []byte) string { return base64.RawURLEncoding.EncodeToString(data) }

// publicJwk is the public key as a JWK, its kid the RFC 7638 thumbprint.
func (k *issuerKeys) publicJwk() (map[string]string, error) {
	key, err := k.load()
	if err != nil {
		return nil, err
	}
	n := b64(key.PublicKey.N.Bytes())
	e := b64(big.NewInt(int64(key.PublicKey.E)).Bytes())
	// RFC 7638: the required members in lexicographic order, no spaces
	thumb := sha256.Sum256([]byte(fmt.Sprintf(`{"e":"%s","kty":"RSA","n":"%s"}`, e, n)))
	return map[string]string{"kty": "RSA", "n": n, "e": e, "alg": "RS256", "use": "sig", "kid": b64(thumb[:])}, nil
}

// sign makes a compact JWS (RS256) of a JSON object, with "kid" in its header.
func (k *issuerKeys) sign(payloadJSON string, kid string) (string, error) {
	key, err := k.load()
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{}
	if err := json.Unmarshal([]byte(payloadJSON), &claims); err != nil {
		return "", fmt.Errorf("the credential to sign is not a JSON object: %w", err)
	}
	token := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	token.Header["kid"] = kid
	return token.SignedString(key)
}

// bindCredentials gives every JS runtime $credentials.sign and $credentials.publicJwk.
func bindCredentials(keys *issuerKeys) func(vm *goja.Runtime) {
	return func(vm *goja.Runtime) {
		obj := vm.NewObject()
		obj.Set("sign", func(payloadJSON string, kid string) (string, error) { return keys.sign(payloadJSON, kid) })
		obj.Set("publicJwk", func() (string, error) {
			jwk, err := keys.publicJwk()
			if err != nil {
				return "", err
			}
			out, err := json.Marshal(jwk)
			return string(out), err
		})
		vm.Set("$credentials", obj)
	}
}
