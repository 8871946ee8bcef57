"""Schemathesis hooks for scripts/api-fuzz.sh (loaded through SCHEMATHESIS_HOOKS).

The session recording upload takes raw audio as its body; schemathesis cannot
make such a body by itself, so it gets a few bytes that start like an MP3 (an
ID3 header), empty bodies and random bytes: the API must answer each with a
documented status, never a server error.
"""

from hypothesis import strategies as st

import schemathesis

audio = st.one_of(
    st.just(b""),
    st.binary(min_size=1, max_size=64).map(lambda tail: b"ID3\x04\x00\x00\x00\x00\x00\x00" + tail),
    st.binary(max_size=64),
)
schemathesis.openapi.media_type("audio/mpeg", audio)
