package brokerconfig

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
)

// DerivedClusterID is a Kafka UUID that depends only on the namespace and
// name: the first 16 bytes of the SHA-256 of "<namespace>/<name>", with the
// version 4 and variant bits java.util.UUID.randomUUID sets, in unpadded
// base64url as Kafka's Uuid.toString writes it (22 characters). Like
// Kafka's Uuid.randomUuid it never starts with '-': such a digest is hashed
// again.
func DerivedClusterID(namespace, name string) string {
	return derivedUUID(namespace + "/" + name)
}

// DirectoryID is the metadata log directory ID of a node in a dynamic
// quorum, derived as DerivedClusterID is from "<namespace>/<name>/<node ID>",
// so every render formats a controller with the same ID. Names hold no '/',
// so no cluster ID is ever a directory ID.
func DirectoryID(namespace, cluster string, nodeID int) string {
	return derivedUUID(namespace + "/" + cluster + "/" + strconv.Itoa(nodeID))
}

func derivedUUID(key string) string {
	sum := sha256.Sum256([]byte(key))
	for {
		b := append([]byte(nil), sum[:16]...)
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		id := base64.RawURLEncoding.EncodeToString(b)
		if id[0] != '-' {
			return id
		}
		sum = sha256.Sum256(sum[:])
	}
}

// ErrClusterID is why CheckClusterID refuses an ID.
var ErrClusterID = errors.New("is not a Kafka cluster ID: 22 base64url characters encoding 16 bytes, as kafka-storage.sh random-uuid prints them; kafka-storage.sh format refuses anything else")

// CheckClusterID tells whether id is a cluster ID kafka-storage.sh format
// accepts (Kafka's Uuid.fromString): base64url of 16 bytes.
func CheckClusterID(id string) error {
	if b, err := base64.RawURLEncoding.DecodeString(id); err != nil || len(b) != 16 {
		return ErrClusterID
	}
	return nil
}
