// Runs once when a Next.js server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("@/server/security/peer-address");
  stampPeerAddresses();
  // From the start, so no pulse of the launcher's control loop goes unheard before the first probe.
  const { controlPulses } = await import("@/server/health/live");
  controlPulses().listen(process);
}
