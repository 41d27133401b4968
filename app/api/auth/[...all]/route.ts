import { checkAuthRequest } from "@/server/auth/auth-input";
import { handleAuthRequest } from "@/server/auth/auth-route";

export const dynamic = "force-dynamic";

const handle = (request: Request) => checkAuthRequest(request, handleAuthRequest);

export { handle as GET, handle as POST };
