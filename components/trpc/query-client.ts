import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";
import { isNotFound } from "./not-found";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A thing that is not there will not appear on a second try.
      queries: { staleTime: 2_000, retry: (failures, error) => failures < 1 && !isNotFound(error) },
      dehydrate: { serializeData: superjson.serialize, shouldDehydrateQuery: defaultShouldDehydrateQuery },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
