function ConvertFrom-OrcTaskResult {
    <#
    .SYNOPSIS
        Decodes a Task Scheduler LastTaskResult: SCHED_* status codes and orc-exec exit codes by name.
    .DESCRIPTION
        0x41303 is "has not yet run", 0x41301 "currently running", 0x41306 "terminated by the user";
        small values are orc-exec's exit codes (docs/exit-codes.md); other values are shown as
        HRESULTs. Negative values (signed Int32 views of HRESULTs) are normalised to UInt32.
    .PARAMETER Code
        The LastTaskResult value.
    .OUTPUTS
        [pscustomobject] with Code, Hex, Name, Description, Succeeded, IsStatus (a SCHED_S_* state, not an outcome).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [long] $Code
    )

    process {
        $value = $Code
        if ($value -lt 0) { $value += 4294967296 }
        $hex = '0x{0:X}' -f $value
        $sched = @{
            '0x41300' = @('Ready', 'The task is ready to run at its next scheduled time.')
            '0x41301' = @('Running', 'The task is currently running.')
            '0x41302' = @('TaskDisabled', 'The task is disabled.')
            '0x41303' = @('NeverRun', 'The task has not yet run.')
            '0x41304' = @('NoMoreRuns', 'There are no more runs scheduled for this task.')
            '0x41305' = @('NotScheduled', 'One or more of the properties needed to run this task on a schedule have not been set.')
            '0x41306' = @('Terminated', 'The last run of the task was terminated by the user.')
            '0x41307' = @('NoValidTriggers', 'The task has no valid triggers.')
            '0x41325' = @('Queued', 'The task is queued.')
            '0x8004131F' = @('AlreadyRunning', 'An instance of this task is already running.')
            '0x80041324' = @('ConstraintNotMet', 'The task did not run because a constraint was not met.')
            '0x80041326' = @('SchedulerTaskDisabled', 'The task is disabled in Task Scheduler.')
            '0x80070002' = @('FileNotFound', 'Task Scheduler could not find the program (is orc-exec still installed?).')
            '0xC000013A' = @('ControlC', 'The application ended by Ctrl+C.')
        }
        $name = $null
        $description = $null
        $informational = $false
        if ($sched.ContainsKey($hex)) {
            $name = $sched[$hex][0]
            $description = $sched[$hex][1]
            $informational = ($value -ge 0x41300 -and $value -le 0x41325 -and $value -ne 0x41306)
        }
        elseif ($value -lt 0x10000) {
            $info = Get-OrcExitCodeInfo -ExitCode $value
            $name = $info.Name
            $description = $info.Description
        }
        else {
            $name = 'HResult'
            $description = "Task Scheduler or Windows error $hex."
        }
        [pscustomobject]@{
            PSTypeName  = 'Orchestrator.TaskSchedulerResult'
            Code        = $value
            Hex         = $hex
            Name        = $name
            Description = $description
            Succeeded   = ($value -eq 0)
            IsStatus    = $informational
        }
    }
}
