function Get-OrcExitCodeInfo {
    <#
    .SYNOPSIS
        The one table of orc-exec exit codes: name, stable error ID and ErrorCategory per code.
    .DESCRIPTION
        Mirrors docs/exit-codes.md (and go/internal/exitcode). Codes are only ever added, never
        renumbered. A code not in the table maps to Orc.UnknownExitCode and counts as a failure.
        Without -ExitCode, returns every row (for docs and tests).
    .PARAMETER ExitCode
        The orc-exec process exit code to look up.
    .OUTPUTS
        [pscustomobject] with Code, Name, ErrorId, Category, Description.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Position = 0)]
        [System.Nullable[long]] $ExitCode
    )

    $table = @(
        '0|Success|NotSpecified|The command ran and exited 0.'
        '1|CommandFailed|InvalidResult|The command exited non-zero on its last attempt, or could not be started.'
        '2|Usage|InvalidArgument|orc-exec was called with a bad command line.'
        '3|InvalidDefinition|InvalidData|The definition is missing, malformed or invalid.'
        '4|InsecureDefinition|PermissionDenied|The definition, the tasks folder or the store is writable by non-admins.'
        '5|Timeout|OperationTimeout|The command hit its timeout; its process tree was killed.'
        '6|DependencyUnmet|ResourceUnavailable|A dependency was unmet.'
        '7|OverlapSkipped|ResourceBusy|Another run of the task was in progress and overlap is skip.'
        '8|Disabled|ResourceUnavailable|The definition is disabled.'
        '9|Gated|NotSpecified|Cron gate: this minute is not one of the schedule''s minutes.'
        '10|TaskNotFound|ObjectNotFound|The task has no definition in the store.'
        '11|Unhealthy|InvalidOperation|orc-exec doctor found at least one failing check.'
        '70|Internal|NotSpecified|orc-exec itself failed (I/O error, bug); see the task''s log.'
        '130|Interrupted|OperationStopped|orc-exec was stopped; the command''s tree was killed.'
    )
    $rows = foreach ($line in $table) {
        $row = $line -split '\|', 4
        [pscustomobject]@{
            Code        = [long]$row[0]
            Name        = $row[1]
            ErrorId     = "Orc.$($row[1])"
            Category    = [System.Management.Automation.ErrorCategory]$row[2]
            Description = $row[3]
        }
    }
    if ($null -eq $ExitCode) {
        return $rows
    }
    foreach ($row in $rows) {
        if ($row.Code -eq $ExitCode) {
            return $row
        }
    }
    [pscustomobject]@{
        Code        = [long]$ExitCode
        Name        = 'UnknownExitCode'
        ErrorId     = 'Orc.UnknownExitCode'
        Category    = [System.Management.Automation.ErrorCategory]::NotSpecified
        Description = "orc-exec exited with the undocumented code $ExitCode; treat it as a failure."
    }
}
