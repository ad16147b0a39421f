// Tests that bound wall time are hang detectors, not benchmarks (bench/ measures speed).
// Sanitizer builds (Debug, ASan + UBSan) run several times slower: their bounds widen.
#pragma once

namespace credcheck::test_support {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Multiplies every time bound in a test.
constexpr double kTimeSlack = kSanitized ? 10 : 1;

}  // namespace credcheck::test_support
