# The Windows adapter: exactly what crosses the boundary to the ScheduledTasks module.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Install-OrcScheduledTasksStub
    Import-OrcTestModule
    $script:xml = '<?xml version="1.0" encoding="UTF-16"?><Task><RegistrationInfo><Documentation>orc-definition-sha256:' + ('a' * 64) + '</Documentation></RegistrationInfo></Task>'
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Register-OrcScheduledTask' {
    BeforeEach {
        Mock Invoke-OrcExec { New-OrcExecResult -Output ($xml -split "`n") } -ParameterFilter { $ArgumentList[0] -eq 'render' }
        Mock Register-ScheduledTask { }
    }

    It 'renders with the stable exec path and registers \Orchestrator\Orc_<name> from XML as SYSTEM' {
        $r = InModuleScope Orchestrator {
            Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db' }) -ExecPath 'C:\Program Files\Orchestrator\orc-exec.exe' -StoreHome 'C:\ProgramData\Orchestrator'
        }
        $r.Name | Should -Be 'db'
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter {
            ($ArgumentList -join ' ') -eq 'render db --exec-path C:\Program Files\Orchestrator\orc-exec.exe' -and $StoreHome -eq 'C:\ProgramData\Orchestrator' -and $Raw
        }
        Should -Invoke Register-ScheduledTask -Exactly 1 -ParameterFilter {
            $Xml -eq $script:xml -and $TaskPath -eq '\Orchestrator\' -and $TaskName -eq 'Orc_db' -and $Force -and -not $User -and -not $Password
        }
    }

    It 'passes -User and -Password for a Password-logon user' {
        $cred = New-Object System.Management.Automation.PSCredential ('DOM\svc', (ConvertTo-SecureString 's3cret' -AsPlainText -Force))
        InModuleScope Orchestrator -Parameters @{ C = $cred } {
            param($C)
            $null = Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db'; runAs = [ordered]@{ type = 'user'; user = 'DOM\svc'; logonType = 'password' } }) -ExecPath 'C:\o.exe' -StoreHome 'C:\s' -Credential $C
        }
        Should -Invoke Register-ScheduledTask -Exactly 1 -ParameterFilter { $TaskName -eq 'Orc_db' -and $User -eq 'DOM\svc' -and $Password -eq 's3cret' }
    }

    It 'registers a gMSA from the XML principal alone: no -User, no -Password, even when a credential is passed' {
        $cred = New-Object System.Management.Automation.PSCredential ('DOM\orc$', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        InModuleScope Orchestrator -Parameters @{ C = $cred } {
            param($C)
            $null = Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db'; runAs = [ordered]@{ type = 'gmsa'; user = 'DOM\orc$' } }) -ExecPath 'C:\o.exe' -StoreHome 'C:\s'
            $null = Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db'; runAs = [ordered]@{ type = 'gmsa'; user = 'DOM\orc$' } }) -ExecPath 'C:\o.exe' -StoreHome 'C:\s' -Credential $C -WarningAction SilentlyContinue
        }
        Should -Invoke Register-ScheduledTask -Exactly 2 -ParameterFilter { -not $User -and -not $Password -and $Xml -eq $script:xml }
    }

    It 'refuses a Password-logon user without -Credential (Orc.CredentialRequired)' {
        $err = InModuleScope Orchestrator {
            try {
                Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db'; runAs = [ordered]@{ type = 'user'; user = 'DOM\svc'; logonType = 'password' } }) -ExecPath 'C:\o.exe' -StoreHome 'C:\s'
                $null
            }
            catch { $_ }
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialRequired*'
        Should -Invoke Register-ScheduledTask -Exactly 0
    }

    It 'reports a failed render with its error ID and registers nothing' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 10 -StdErr 'orc-exec: error: task "db" not found' } -ParameterFilter { $ArgumentList[0] -eq 'render' }
        $err = InModuleScope Orchestrator { try { Register-OrcScheduledTask -Definition ([ordered]@{ name = 'db' }) -ExecPath 'C:\o.exe' -StoreHome 'C:\s'; $null } catch { $_ } }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
        Should -Invoke Register-ScheduledTask -Exactly 0
    }
}

Describe 'Unregister-OrcScheduledTask' {
    It 'unregisters without prompting and returns $true when the task exists' {
        Mock Get-ScheduledTask { [pscustomobject]@{ TaskName = 'Orc_db' } }
        Mock Unregister-ScheduledTask { }
        InModuleScope Orchestrator { Unregister-OrcScheduledTask -Name 'db' } | Should -BeTrue
        Should -Invoke Unregister-ScheduledTask -Exactly 1 -ParameterFilter { $TaskPath -eq '\Orchestrator\' -and $TaskName -eq 'Orc_db' -and $Confirm -eq $false }
    }

    It 'returns $false and unregisters nothing when the task does not exist' {
        Mock Get-ScheduledTask { }
        Mock Unregister-ScheduledTask { }
        InModuleScope Orchestrator { Unregister-OrcScheduledTask -Name 'db' } | Should -BeFalse
        Should -Invoke Unregister-ScheduledTask -Exactly 0
    }
}

Describe '<Verb>-OrcScheduledTask' -ForEach @(
    @{ Verb = 'Enable' }, @{ Verb = 'Disable' }, @{ Verb = 'Start' }, @{ Verb = 'Stop' }
) {
    It 'calls ScheduledTasks\<Verb>-ScheduledTask on \Orchestrator\Orc_<name>' {
        Mock "$Verb-ScheduledTask" { }
        InModuleScope Orchestrator -Parameters @{ Verb = $Verb } { param($Verb) & "$Verb-OrcScheduledTask" -Name 'db' }
        Should -Invoke "$Verb-ScheduledTask" -Exactly 1 -ParameterFilter { $TaskPath -eq '\Orchestrator\' -and $TaskName -eq 'Orc_db' }
    }
}

Describe 'Get-OrcScheduledTask' {
    BeforeAll {
        $script:exe = Join-Path $TestDrive 'orc-exec.exe'
        Set-Content -Path $exe -Value 'x'
    }
    BeforeEach {
        Mock Get-ScheduledTask {
            [pscustomobject]@{ TaskName = 'Orc_db'; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = 'orc-definition-sha256:' + ('B' * 64)
                Actions = @([pscustomobject]@{ Execute = $script:exe }); Principal = [pscustomobject]@{ UserId = 'SYSTEM' } }
            [pscustomobject]@{ TaskName = 'Orc_old'; TaskPath = '\Orchestrator\'; State = 'Disabled'; Documentation = $null
                Actions = @([pscustomobject]@{ Execute = 'C:\gone\orc-exec.exe' }); Principal = $null }
            [pscustomobject]@{ TaskName = 'SomethingElse'; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = $null; Actions = @(); Principal = $null }
        } -ParameterFilter { $TaskPath -eq '\Orchestrator\' }
        Mock Get-ScheduledTaskInfo { [pscustomobject]@{ TaskName = 'Orc_db'; LastRunTime = [datetime]'1999-11-30'; LastTaskResult = 267011; NextRunTime = [datetime]'2030-01-01T02:00:00' } } -ParameterFilter { $InputObject.TaskName -eq 'Orc_db' }
        Mock Get-ScheduledTaskInfo { [pscustomobject]@{ TaskName = 'Orc_old'; LastRunTime = [datetime]'2026-01-01T02:00:00'; LastTaskResult = 5; NextRunTime = $null } } -ParameterFilter { $InputObject.TaskName -eq 'Orc_old' }
        Mock Export-ScheduledTask { '<Task><RegistrationInfo><Documentation>' + ('c' * 64) + '</Documentation></RegistrationInfo></Task>' }
    }

    It 'lists only Orc_* tasks of \Orchestrator\ with one Get-ScheduledTask call' {
        $tasks = @(InModuleScope Orchestrator { Get-OrcScheduledTask })
        $tasks.Name | Should -Be @('db', 'old')
        Should -Invoke Get-ScheduledTask -Exactly 1
    }

    It 'decodes the runtime state: never run, next run, last result' {
        $db, $old = InModuleScope Orchestrator { Get-OrcScheduledTask }
        $db.LastRunTime | Should -BeNullOrEmpty
        $db.LastTaskResult.Name | Should -Be 'NeverRun'
        $db.NextRunTime | Should -Be ([datetime]'2030-01-01T02:00:00')
        $db.Enabled | Should -BeTrue
        $old.LastTaskResult.Name | Should -Be 'Timeout'
        $old.Enabled | Should -BeFalse
        $old.ExecPath | Should -Be 'C:\gone\orc-exec.exe'
    }

    It 'reads the definition hash from RegistrationInfo, exporting the XML only when needed' {
        $db, $old = InModuleScope Orchestrator { Get-OrcScheduledTask }
        $db.DefinitionHash | Should -Be ('b' * 64)
        $old.DefinitionHash | Should -Be ('c' * 64)
        Should -Invoke Export-ScheduledTask -Exactly 1 -ParameterFilter { $TaskName -eq 'Orc_old' -and $TaskPath -eq '\Orchestrator\' }
    }

    It 'filters by -Name' {
        @(InModuleScope Orchestrator { Get-OrcScheduledTask -Name 'old' }).Name | Should -Be @('old')
    }

    It 'reads the runtime state of all tasks through one Get-ScheduledTaskInfo pipeline, not one call per task' {
        $null = InModuleScope Orchestrator { Get-OrcScheduledTask }
        # Pester counts a pipeline-bound mock once per item: both tasks went in, and no call named a task.
        Should -Invoke Get-ScheduledTaskInfo -Exactly 2
        Should -Invoke Get-ScheduledTaskInfo -Exactly 0 -ParameterFilter { $TaskName }
    }
}

Describe 'Get-OrcScheduledTask when Task Scheduler refuses or finds nothing' {
    BeforeEach {
        Mock Get-ScheduledTaskInfo { }
        Mock Export-ScheduledTask { }
    }

    It 'throws Orc.AccessDenied (PermissionDenied) saying elevation is needed when Get-ScheduledTask is denied' {
        Mock Get-ScheduledTask { Write-OrcScheduledTasksError -Kind AccessDenied -BoundParameters $PesterBoundParameters }
        $err = InModuleScope Orchestrator { try { Get-OrcScheduledTask; $null } catch { $_ } }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.AccessDenied*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -Match 'Run as administrator'
    }

    It 'throws Orc.AccessDenied when only Get-ScheduledTaskInfo is denied' {
        Mock Get-ScheduledTask { [pscustomobject]@{ TaskName = 'Orc_db'; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = ('a' * 64); Actions = @(); Principal = $null } }
        Mock Get-ScheduledTaskInfo { Write-OrcScheduledTasksError -Kind AccessDenied -Cmdlet 'Get-ScheduledTaskInfo' -BoundParameters $PesterBoundParameters }
        $err = InModuleScope Orchestrator { try { Get-OrcScheduledTask; $null } catch { $_ } }
        $err.FullyQualifiedErrorId | Should -BeLike 'Orc.AccessDenied*'
    }

    It 'returns nothing, without an error, when \Orchestrator\ does not exist (not found)' {
        Mock Get-ScheduledTask { Write-OrcScheduledTasksError -Kind NotFound -BoundParameters $PesterBoundParameters }
        # 2>&1: anything written to the error stream would come back as an ErrorRecord.
        $result = @(InModuleScope Orchestrator { Get-OrcScheduledTask 2>&1 })
        $result.Count | Should -Be 0
    }

    It 'makes a non-elevated Get-OrcTask fail with Orc.AccessDenied instead of showing every task as NotRegistered' {
        Mock Test-OrcWindows { $true }
        Mock Get-OrcStoreHome { 'C:\s' }
        Mock Invoke-OrcExec { New-OrcExecResult -Output @('{"schema":"orc.task/v1","name":"db","valid":true,"enabled":true,"command":"x"}') } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Get-ScheduledTask { Write-OrcScheduledTasksError -Kind AccessDenied -BoundParameters $PesterBoundParameters }
        { Get-OrcTask } | Should -Throw -ErrorId 'Orc.AccessDenied*'
    }
}

Describe 'Register-OrcScheduledTask: the principal that reaches Task Scheduler (real orc-exec render)' {
    # The XML is rendered by the real orc-exec from a stored definition; only Register-ScheduledTask
    # is mocked, and the specs read exactly what crosses: -User/-Password and the XML's Principal.
    # Register-ScheduledTask -User overrides the XML principal's LogonType, so a gMSA registered
    # with -User and no -Password becomes a password-logon user without a password: it never runs.
    BeforeAll {
        if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
        $script:store = Join-Path $TestDrive 'store'
        $null = New-Item -ItemType Directory -Path (Join-Path $store 'tasks') -Force
        if (-not ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop')) { & chmod 700 $store (Join-Path $store 'tasks') }
        $script:principalOf = {
            param([string] $Xml)
            $doc = [xml]$Xml
            $ns = New-Object System.Xml.XmlNamespaceManager $doc.NameTable
            $ns.AddNamespace('t', 'http://schemas.microsoft.com/windows/2004/02/mit/task')
            $p = $doc.SelectSingleNode('/t:Task/t:Principals/t:Principal', $ns)
            $logon = $p.SelectSingleNode('t:LogonType', $ns)
            [pscustomobject]@{ UserId = $p.SelectSingleNode('t:UserId', $ns).InnerText; LogonType = $(if ($logon) { $logon.InnerText }) }
        }
    }
    BeforeEach {
        Mock Register-ScheduledTask { }
    }

    It '<Case>: -User ''<ExpectUser>'', -Password ''<ExpectPassword>'', XML principal <ExpectUserId> / LogonType ''<ExpectLogon>''' -TestCases @(
        @{ Case = 'gMSA'; RunAs = @{ type = 'gmsa'; user = 'DOM\gmsa$' }; Credential = $false; ExpectUser = ''; ExpectPassword = ''; ExpectUserId = 'DOM\gmsa$'; ExpectLogon = 'Password' }
        @{ Case = 'SYSTEM'; RunAs = $null; Credential = $false; ExpectUser = ''; ExpectPassword = ''; ExpectUserId = 'S-1-5-18'; ExpectLogon = '' }
        @{ Case = 'user with credential'; RunAs = @{ type = 'user'; user = 'DOM\svc'; logonType = 'password' }; Credential = $true; ExpectUser = 'DOM\svc'; ExpectPassword = 's3cret'; ExpectUserId = 'DOM\svc'; ExpectLogon = 'Password' }
        @{ Case = 'S4U user'; RunAs = @{ type = 'user'; user = 'DOM\svc' }; Credential = $false; ExpectUser = ''; ExpectPassword = ''; ExpectUserId = 'DOM\svc'; ExpectLogon = 'S4U' }
    ) {
        $definition = [ordered]@{ name = 'p'; action = [ordered]@{ command = 'C:\Tools\x.exe' } }
        if ($RunAs) { $definition['runAs'] = $RunAs }
        $json = ConvertTo-Json -InputObject $definition -Depth 5 -Compress
        $null = $json | & $env:ORC_EXEC_PATH define --file - --home $store
        $LASTEXITCODE | Should -Be 0
        $arguments = @{ Definition = $definition; ExecPath = 'C:\Program Files\Orchestrator\orc-exec.exe'; StoreHome = $store }
        if ($Credential) {
            $arguments['Credential'] = New-Object System.Management.Automation.PSCredential ('DOM\svc', (ConvertTo-SecureString 's3cret' -AsPlainText -Force))
        }
        InModuleScope Orchestrator -Parameters @{ A = $arguments } { param($A) $null = Register-OrcScheduledTask @A }

        Should -Invoke Register-ScheduledTask -Exactly 1 -ParameterFilter {
            # An unbound [string] parameter of the mock reads as ''.
            $principal = & $script:principalOf $Xml
            $TaskName -eq 'Orc_p' -and [string]$User -eq $ExpectUser -and [string]$Password -eq $ExpectPassword -and
            $principal.UserId -eq $ExpectUserId -and "$($principal.LogonType)" -eq "$ExpectLogon"
        }
    }
}
