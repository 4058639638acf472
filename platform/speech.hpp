#pragma once
// Reading words aloud for citizens who find reading hard. Speech runs in its own process, so
// the screen never waits for it; new speech replaces what is still being said.
#include <memory>
#include <string>

#include "result.hpp"

namespace sv {

class Speaker {
public:
    virtual ~Speaker() = default;
    // Starts saying `text` in `language` (a campaign language code such as "en", "cy", "pl")
    // and returns at once.
    virtual Status say(const std::string& text, const std::string& language) = 0;
    virtual void stop() = 0;
    virtual bool speaking() = 0;
};

// The system's speech: espeak-ng on Linux.
std::unique_ptr<Speaker> make_system_speaker();

// Writes the speech for `text` to a WAV file instead of the loudspeaker (for checks and tests).
Status speak_to_wav(const std::string& text, const std::string& language, const std::string& path);

}  // namespace sv
