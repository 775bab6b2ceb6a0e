/**
 * The learner's onboarding summary kept on the device (by My onboarding, read by the next
 * step when offline; removed at sign-out).
 */
export const onboardingCacheKey = (user: string): string => `continuum-onboarding-${user}`;
