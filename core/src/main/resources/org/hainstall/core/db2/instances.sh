# DB2: its instances (db2ilist) and, per instance, the owner's passwd entry, the fenced user and the databases with
# their configuration. Names the node reports pass the config's allow-lists before they reach a command.
db2path=
for level in /opt/ibm/db2/*/bin/db2level; do
  if [ -x "$level" ]; then db2path=${level%/bin/db2level}; break; fi
done
if [ -n "$db2path" ]; then
  fact db2ilist "$db2path/instance/db2ilist"
  for instance in $("$db2path/instance/db2ilist" 2>/dev/null </dev/null); do
    case $instance in [a-z]*) ;; *) continue ;; esac
    case $instance in *[!a-z0-9]* | ?????????*) continue ;; esac
    fact "passwd:$instance" getent passwd "$instance"
    home=$(getent passwd "$instance" </dev/null | cut -d: -f6)
    [ -n "$home" ] || continue
    fact "fenced:$instance" stat -c %U "$home/sqllib/adm/.fenced"
    fact "dbdir:$instance" su - "$instance" -c '. ~/sqllib/db2profile && db2 list database directory'
    for db in $(su - "$instance" -c '. ~/sqllib/db2profile && db2 list database directory' 2>/dev/null </dev/null \
        | sed -n 's/^ *Database name *= *//p'); do
      case $db in [A-Za-z]*) ;; *) continue ;; esac
      case $db in *[!A-Za-z0-9]* | ?????????*) continue ;; esac
      fact "dbcfg:$instance:$db" su - "$instance" -c ". ~/sqllib/db2profile && db2 get db cfg for $db"
    done
  done
fi
