// Private to plenum_protocol: early return on a refusal, so decoders read top to bottom.
#pragma once

#define PLENUM_PROTOCOL_CAT2(a, b) a##b
#define PLENUM_PROTOCOL_CAT(a, b) PLENUM_PROTOCOL_CAT2(a, b)

/// `PLENUM_TRY(auto x, expr);` evaluates `expr` (a decoded<T>); on a refusal returns its error
/// from the enclosing function, else binds the value to the declaration.
#define PLENUM_TRY(decl, expr)                                            \
  auto PLENUM_PROTOCOL_CAT(plenum_try_, __LINE__) = (expr);               \
  if (!PLENUM_PROTOCOL_CAT(plenum_try_, __LINE__))                        \
    return std::move(PLENUM_PROTOCOL_CAT(plenum_try_, __LINE__)).error(); \
  decl = std::move(*PLENUM_PROTOCOL_CAT(plenum_try_, __LINE__))

/// `PLENUM_CHECK(expr);` for a decoded<void>: returns its error from the enclosing function.
#define PLENUM_CHECK(expr)                                                   \
  do {                                                                       \
    auto plenum_check_result = (expr);                                       \
    if (!plenum_check_result) return std::move(plenum_check_result).error(); \
  } while (false)
