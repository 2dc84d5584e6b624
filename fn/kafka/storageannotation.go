package kafka

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

// storageAnnotation is the strimzi.io/storage annotation of a pool's
// StrimziPodSet: the storage as Strimzi's Jackson model writes it, compact,
// properties in the order of the Strimzi classes, absent fields and
// deleteClaim: false left out (Strimzi: ModelUtils.encodeStorageToJson).
func storageAnnotation(s nodepools.Storage) string {
	var b strings.Builder
	if s.JBOD() {
		b.WriteString(`{"type":"jbod","volumes":[`)
		for i, v := range s.Volumes {
			if i > 0 {
				b.WriteByte(',')
			}
			writeVolumeJSON(&b, v)
		}
		b.WriteString("]}")
	} else {
		writeVolumeJSON(&b, s.Volume)
	}
	return b.String()
}

// writeVolumeJSON writes one volume. Ephemeral volumes follow
// @JsonPropertyOrder({"id", "sizeLimit", "type", "kraftMetadata"}); persistent
// claims put id, type, size, kraftMetadata, class, volumeAttributesClass,
// selector, deleteClaim.
func writeVolumeJSON(b *strings.Builder, v nodepools.Volume) {
	j := jsonObject{b: b}
	j.open()
	if v.ID != nil {
		j.raw("id", strconv.Itoa(*v.ID))
	}
	if v.Type == nodepools.StorageEphemeral {
		j.str("sizeLimit", v.SizeLimit)
		j.str("type", v.Type)
		j.str("kraftMetadata", v.KRaftMetadata)
	} else {
		j.str("type", v.Type)
		j.str("size", v.Size)
		j.str("kraftMetadata", v.KRaftMetadata)
		j.str("class", v.Class)
		j.str("volumeAttributesClass", v.VolumeAttributesClass)
		if len(v.Selector) > 0 {
			keys := make([]string, 0, len(v.Selector))
			for k := range v.Selector {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			sel := &strings.Builder{}
			sj := jsonObject{b: sel}
			sj.open()
			for _, k := range keys {
				sj.raw(k, jsonString(v.Selector[k]))
			}
			sj.close()
			j.raw("selector", sel.String())
		}
		if v.DeleteClaim {
			j.raw("deleteClaim", "true")
		}
	}
	j.close()
}

// jsonObject writes a compact JSON object member by member.
type jsonObject struct {
	b    *strings.Builder
	more bool
}

func (j *jsonObject) open()  { j.b.WriteByte('{') }
func (j *jsonObject) close() { j.b.WriteByte('}') }

// str writes a string member, skipping an empty (absent) value.
func (j *jsonObject) str(key, value string) {
	if value != "" {
		j.raw(key, jsonString(value))
	}
}

func (j *jsonObject) raw(key, value string) {
	if j.more {
		j.b.WriteByte(',')
	}
	j.more = true
	j.b.WriteString(jsonString(key))
	j.b.WriteByte(':')
	j.b.WriteString(value)
}

// jsonString quotes s as Jackson does: only the quote, the backslash and
// control characters are escaped, the latter with upper-case hex; HTML
// characters and non-ASCII text stay as they are (unlike encoding/json).
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
