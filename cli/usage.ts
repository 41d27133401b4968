// `haops --help`: every command with its arguments, the settings and the exit codes.
export const USAGE = `haops: the HA Ops Console from a shell, over its REST API.

Usage: haops [--url URL] [--token TOKEN] [--json] COMMAND ...

  clusters                                every cluster: mode, policy, healthy nodes, primary
  cluster NAME                            one cluster's settings and nodes
  plan CLUSTER TYPE NODE [--weight N]     an action's guards and steps; changes nothing
  failover|switchover|drain|undrain|rejoin|fence|unfence CLUSTER NODE
  set-weight CLUSTER NODE WEIGHT          run an action (--reason TEXT; confirm by typing the
                                          cluster's name, or --yes; --override GUARD for admins);
                                          waits until it ends unless --no-wait
  action watch ID                         follow an action until it ends
  drill run CLUSTER SCENARIO              start an unattended drill (--reason, --yes, --target NODE,
                                          --region R, --no-wait); waits for its verdict
  drill watch ID                          follow a drill until its verdict
  alerts [--all]                          open alerts (--all: the resolved ones too)
  ack ID [--note TEXT]                    acknowledge an alert
  halt [on|off --reason TEXT]             whether the global halt is on; set or lift it
  audit [--limit N] [--cluster C] [--actor A] [--action PREFIX] [--follow]
                                          the audit log, oldest first; --follow prints new entries

Settings: HAOPS_URL (or --url) and HAOPS_TOKEN (or --token, an API token an admin made).
--json prints the API's answer as JSON; --interval S and --timeout S pace the watches.
Exit codes: 0 done; 2 refused by guards (the failing guards printed); 1 any other error
(the message on stderr), an action that failed, a drill that did not pass.`;
