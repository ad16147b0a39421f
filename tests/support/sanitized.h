// Tests never assert how fast something ran: CI runners are shared and busy, and speed is
// measured in bench/. A test that guards against a hang (a quadratic pass, a lost timeout)
// uses kHangSeconds, a bound many times what the work takes on a loaded machine, so it
// fails only when the work never ends. Sanitizer builds (Debug, ASan + UBSan) run several
// times slower, so the bound widens there; ctest's --timeout stays the outer backstop.
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

// The hang bound: work checked against it takes well under a second when it works.
constexpr double kHangSeconds = kSanitized ? 240 : 60;

}  // namespace credcheck::test_support
