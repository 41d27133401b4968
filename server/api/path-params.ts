// The REST API's path segments: a cluster's name, a stored thing's id.
import { z } from "zod";
import { incidentId } from "../incidents/id.ts";
import { idText, nameText } from "../security/safe-input.ts";

export const clusterPath = z.object({ name: nameText });
export const idPath = z.object({ id: idText });
export const incidentPath = z.object({ id: incidentId });
