# A call log on the ScheduledTasks double: every cmdlet that changes the scheduler is replaced, in the
# double's own scope, by a proxy that records "<cmdlet> <TaskPath><TaskName>" and then runs the
# original. Module-qualified calls (ScheduledTasks\Register-ScheduledTask, as the module makes them)
# go through the proxy too, so "no write" is asserted at the boundary, not inferred from state.
function Enable-OrcDoubleCallLog {
    $double = Get-Module ScheduledTasks
    if (-not $double) { throw 'Import the ScheduledTasks double first (Import-OrcScheduledTasksDouble).' }
    & $double {
        $script:OrcCallLog = New-Object System.Collections.Generic.List[string]
        foreach ($name in 'Register-ScheduledTask', 'Unregister-ScheduledTask', 'Enable-ScheduledTask', 'Disable-ScheduledTask', 'Start-ScheduledTask', 'Stop-ScheduledTask') {
            $original = Get-Command -Name $name -CommandType Function
            if (-not (Get-Command -Name "Original_$name" -ErrorAction SilentlyContinue)) {
                Set-Item -Path "function:script:Original_$name" -Value $original.ScriptBlock
            }
            $proxy = [System.Management.Automation.ProxyCommand]::Create((New-Object System.Management.Automation.CommandMetadata $original))
            $proxy = $proxy.Replace("GetCommand('$name'", "GetCommand('Original_$name'")
            $proxy = $proxy.Replace('begin' + [Environment]::NewLine + '{', 'begin' + [Environment]::NewLine + "{`n    `$script:OrcCallLog.Add(('$name ' + [string]`$PSBoundParameters['TaskPath'] + [string]`$PSBoundParameters['TaskName']))")
            Set-Item -Path "function:script:$name" -Value $ExecutionContext.SessionState.Module.NewBoundScriptBlock([scriptblock]::Create($proxy))
        }
    }
}

function Get-OrcDoubleCallLog {
    # The writes recorded since Enable-OrcDoubleCallLog or Clear-OrcDoubleCallLog.
    & (Get-Module ScheduledTasks) { @($script:OrcCallLog) }
}

function Clear-OrcDoubleCallLog {
    & (Get-Module ScheduledTasks) { $script:OrcCallLog.Clear() }
}
