// The agent's version is the package's: the bundle carries it inside, with no package.json beside it.
import packageJson from "../package.json" with { type: "json" };

export const AGENT_VERSION: string = packageJson.version;
