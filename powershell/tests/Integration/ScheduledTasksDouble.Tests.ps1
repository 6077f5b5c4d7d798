# The module's Task Scheduler backend end to end on Linux: Test-OrcWindows is forced, the
# ScheduledTasks cmdlets are the double in ../ScheduledTasksDouble (README.md there says what it
# reproduces and from which source), and the double really runs the registered orc-exec.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    Import-OrcScheduledTasksDouble
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }
    $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-std-' + [guid]::NewGuid().ToString('N'))
    $env:ORC_HOME = Join-Path $script:root 'ProgramData/Orchestrator'
    # Install-OrcExecutable puts orc-exec.exe under %ProgramFiles%\Orchestrator on Windows.
    $env:ProgramFiles = Join-Path $script:root 'Program Files'
    $env:ProgramW6432 = $env:ProgramFiles
    $null = New-Item -ItemType Directory -Path $env:ORC_HOME -Force

    function script:Wait-Until {
        # Polls a condition with a deadline: the double's task state changes when its process exits.
        param([scriptblock] $Condition, [int] $TimeoutSec = 30)
        $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([datetime]::UtcNow -ge $deadline) { throw "Timed out after $TimeoutSec s waiting for: $Condition" }
            Start-Sleep -Milliseconds 100
        }
    }

    function script:New-TaskXml {
        # A minimal valid task whose Exec action is Command + Arguments.
        param([string] $Command, [string] $Arguments = '', [string] $Policy = 'IgnoreNew', [string] $Extra = '')
        $escaped = [System.Security.SecurityElement]::Escape($Arguments)
        @"
<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task" version="1.4">
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T03:00:00</StartBoundary>
      <Enabled>true</Enabled>
      <ScheduleByDay>
        <DaysInterval>1</DaysInterval>
      </ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>S-1-5-18</UserId>
      <RunLevel>HighestAvailable</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>$Policy</MultipleInstancesPolicy>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>$Extra
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>$Command</Command>
      <Arguments>$escaped</Arguments>
    </Exec>
  </Actions>
</Task>
"@
    }
}
AfterAll {
    Reset-ScheduledTaskDouble
    Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

# NotOnWine.Xmllint: the double validates task XML with Linux's xmllint, which a Windows process under
# Wine can start but not wait for; these run on Linux pwsh, the module's Windows branches included.
Describe 'The Task Scheduler backend, driven through the ScheduledTasks double' -Tag 'NotOnWine.Xmllint' {
    BeforeAll {
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Reset-ScheduledTaskDouble
        $script:out = Join-Path $script:root 'demo.out'
    }

    It 'Register-OrcTask registers \Orchestrator\Orc_<name> from the rendered XML, as SYSTEM' {
        Register-OrcTask -Name demo -Command /bin/sh -ArgumentList '-c', "echo ran > '$script:out'" -Cron '0 3 * * *' -ErrorAction Stop
        $task = ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -TaskName Orc_demo -ErrorAction Stop
        $task.PSTypeNames[0] | Should -Be 'Microsoft.Management.Infrastructure.CimInstance#Root/Microsoft/Windows/TaskScheduler/MSFT_ScheduledTask'
        $task.Principal.UserId | Should -Be 'S-1-5-18'
        $task.Actions[0].Execute | Should -Be (Join-Path $env:ProgramFiles 'Orchestrator/orc-exec.exe')
        $task.Actions[0].Arguments | Should -Match '^run demo '
    }

    It 'Get-OrcTask reads the registration back: Ready, never run, next run tomorrow or today at 03:00' {
        $task = Get-OrcTask -Name demo -ErrorAction Stop
        $task.State | Should -Be 'Ready'
        $task.Enabled | Should -BeTrue
        $task.LastRunTime | Should -BeNullOrEmpty
        $task.NextRunTime.TimeOfDay | Should -Be ([timespan]'03:00:00')
        $task.NextRunTime | Should -BeGreaterThan ([datetime]::Now)
    }

    It 'Start-OrcTask -Wait starts the scheduled action (the real orc-exec) and returns its result' {
        $result = Start-OrcTask -Name demo -Wait -TimeoutSec 60 -ErrorAction Stop
        $result.Status | Should -Be 'SUCCESS'
        (Get-Content -LiteralPath $script:out) | Should -Be 'ran'
        Wait-Until { (ScheduledTasks\Get-ScheduledTaskInfo -TaskName Orc_demo -TaskPath '\Orchestrator\').LastTaskResult -eq 0 }
    }

    It 'Get-OrcTaskHistory shows the run, and Get-OrcTask its last result from Task Scheduler' {
        $history = @(Get-OrcTaskHistory -Name demo -ErrorAction Stop)
        $history.Count | Should -Be 1
        $history[0].Status | Should -Be 'SUCCESS'
        $task = Get-OrcTask -Name demo -ErrorAction Stop
        $task.LastRunTime | Should -Not -BeNullOrEmpty
        $task.LastTaskResult.Code | Should -Be 0
    }

    It 'Disable-OrcTask disables the registration; Enable-OrcTask enables it again' {
        Disable-OrcTask -Name demo -Confirm:$false -ErrorAction Stop
        (Get-OrcTask -Name demo).State | Should -Be 'Disabled'
        ScheduledTasks\Export-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\' | Should -Match '<Enabled>false</Enabled>\s*<Hidden>'
        Enable-OrcTask -Name demo -Confirm:$false -ErrorAction Stop
        (Get-OrcTask -Name demo).State | Should -Be 'Ready'
    }

    It 'Unregister-OrcTask removes the registration from \Orchestrator\' {
        Unregister-OrcTask -Name demo -Confirm:$false -ErrorAction Stop
        @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\*' -ErrorAction Stop).Count | Should -Be 0
    }
}

Describe 'The ScheduledTasks double' -Tag 'NotOnWine.Xmllint' {
    BeforeEach {
        Reset-ScheduledTaskDouble
    }

    Context 'when Register-ScheduledTask gets XML the task schema refuses' {
        It 'refuses <Case> with HRESULT <HResult> and Task Scheduler''s text' -ForEach @(
            @{ Case = 'a repetition interval under a minute'; HResult = '0x80041318'; Text = 'The task XML contains a value which is incorrectly formatted or out of range.'; Detail = ':Interval:PT30S'
                Edit = { param($x) $x -replace '<StartBoundary>', '<Repetition><Interval>PT30S</Interval></Repetition><StartBoundary>' } }
            @{ Case = 'DaysInterval 366'; HResult = '0x80041318'; Text = 'The task XML contains a value which is incorrectly formatted or out of range.'; Detail = '(7,10):DaysInterval:366'
                Edit = { param($x) $x -replace '<DaysInterval>1<', '<DaysInterval>366<' } }
            @{ Case = 'an unknown element'; HResult = '0x80041316'; Text = 'The task XML contains an unexpected node.'; Detail = ':Colour:'
                Edit = { param($x) $x -replace '<Triggers>', '<Colour>red</Colour><Triggers>' } }
            @{ Case = 'no Actions'; HResult = '0x80041319'; Text = 'The task XML is missing a required element or attribute.'; Detail = ':Task:'
                Edit = { param($x) $x -replace '(?s)<Actions.*</Actions>', '' } }
            @{ Case = 'an Exec without Command'; HResult = '0x80041319'; Text = 'The task XML is missing a required element or attribute.'; Detail = ':Exec:'
                Edit = { param($x) $x -replace '(?s)<Command>.*</Command>', '' } }
            @{ Case = 'a declaration saying UTF-8'; HResult = '0x8004131a'; Text = 'The task XML is malformed.'; Detail = '(1,39)::ERROR: switch from current encoding to specified encoding not supported'
                Edit = { param($x) '<?xml version="1.0" encoding="UTF-8"?>' + "`n" + $x } }
            @{ Case = 'text that is not XML'; HResult = '0x8004131a'; Text = 'The task XML is malformed.'; Detail = '::ERROR: '
                Edit = { param($x) $x -replace '</Task>', '' } }
        ) {
            $xml = & $Edit (New-TaskXml -Command /bin/true)
            $err = $null
            ScheduledTasks\Register-ScheduledTask -Xml $xml -TaskName bad -TaskPath '\Orchestrator\' -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike "HRESULT $HResult,Register-ScheduledTask*"
            $lines = $err[0].Exception.Message -split '\r?\n'
            $lines[0] | Should -Be $Text
            $lines[1] | Should -BeLike "*$Detail*"
            @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\*').Count | Should -Be 0
        }

        It 'accepts the same XML unedited, with the UTF-16 declaration Windows exports' {
            $xml = '<?xml version="1.0" encoding="UTF-16"?>' + "`r`n" + (New-TaskXml -Command /bin/true)
            $task = ScheduledTasks\Register-ScheduledTask -Xml $xml -TaskName good -TaskPath '\Orchestrator\' -ErrorAction Stop
            $task.TaskName | Should -Be 'good'
        }
    }

    Context 'when a TaskPath lacks its leading or trailing backslash' {
        It 'Register-ScheduledTask -TaskPath <Given> registers in \Orchestrator\' -ForEach @(
            @{ Given = 'Orchestrator' }, @{ Given = '\Orchestrator' }, @{ Given = 'Orchestrator\' }, @{ Given = '\Orchestrator\' }
        ) {
            $task = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName t -TaskPath $Given -ErrorAction Stop
            $task.TaskPath | Should -Be '\Orchestrator\'
            $task.URI | Should -Be '\Orchestrator\t'
        }

        It 'Get-ScheduledTask -TaskPath <Given> finds nothing and says ObjectNotFound' -ForEach @(
            @{ Given = 'Orchestrator' }, @{ Given = '\Orchestrator' }, @{ Given = 'Orchestrator\' }
        ) {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName t -TaskPath '\Orchestrator\' -ErrorAction Stop
            $err = $null
            $found = ScheduledTasks\Get-ScheduledTask -TaskPath $Given -ErrorVariable err -ErrorAction SilentlyContinue
            $found | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'CmdletizationQuery_NotFound_TaskPath,Get-ScheduledTask*'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\').Count | Should -Be 1
        }
    }

    Context 'when the session is not elevated' {
        BeforeAll {
            Mock Test-OrcWindows { $true }
            Mock Test-OrcElevated { $true }
            $definition = Join-Path $script:root 'denied.json'
            Set-Content -LiteralPath $definition -Value '{"name":"denied","action":{"command":"/bin/true"}}'
            $null = & $env:ORC_EXEC_PATH define --file $definition
            if ($LASTEXITCODE -ne 0) { throw "orc-exec define failed ($LASTEXITCODE)" }
        }
        BeforeEach {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName Orc_denied -TaskPath '\Orchestrator\' -ErrorAction Stop
            Set-ScheduledTaskDouble -NotElevated
        }
        AfterEach {
            Set-ScheduledTaskDouble -NotElevated:$false
        }

        It 'every ScheduledTasks cmdlet writes HRESULT 0x80070005, PermissionDenied (<Cmdlet>)' -ForEach @(
            @{ Cmdlet = 'Get-ScheduledTask' }, @{ Cmdlet = 'Get-ScheduledTaskInfo' }, @{ Cmdlet = 'Start-ScheduledTask' }, @{ Cmdlet = 'Stop-ScheduledTask' },
            @{ Cmdlet = 'Enable-ScheduledTask' }, @{ Cmdlet = 'Disable-ScheduledTask' }, @{ Cmdlet = 'Export-ScheduledTask' }, @{ Cmdlet = 'Unregister-ScheduledTask' }
        ) {
            $err = $null
            $extra = @{}
            if ($Cmdlet -eq 'Unregister-ScheduledTask') { $extra['Confirm'] = $false }
            & "ScheduledTasks\$Cmdlet" -TaskName Orc_denied -TaskPath '\Orchestrator\' @extra -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike "HRESULT 0x80070005,$Cmdlet*"
            $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        }

        It '<Command> fails with Orc.AccessDenied, not as if the task were missing' -ForEach @(
            @{ Command = 'Get-OrcTask'; Parameters = @{ Name = 'denied' } }
            @{ Command = 'Start-OrcTask'; Parameters = @{ Name = 'denied' } }
            @{ Command = 'Disable-OrcTask'; Parameters = @{ Name = 'denied'; Confirm = $false } }
            @{ Command = 'Enable-OrcTask'; Parameters = @{ Name = 'denied'; Confirm = $false } }
            @{ Command = 'Unregister-OrcTask'; Parameters = @{ Name = 'denied'; Confirm = $false } }
        ) {
            # Terminating or not, the caller must learn it was denied.
            $err = @()
            try { $null = & $Command @Parameters -ErrorVariable +err -ErrorAction SilentlyContinue } catch { $err += $_ }
            $ids = @($err | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
            $ids | Should -Contain 'Orc.AccessDenied'
            Set-ScheduledTaskDouble -NotElevated:$false
            @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -TaskName Orc_denied -ErrorAction SilentlyContinue).Count | Should -Be 1
            # The definition stays with its registration: a registration without one fails at every trigger.
            (& $env:ORC_EXEC_PATH list) -join "`n" | Should -Match '"name":"denied"'
        }
    }

    Context 'when Register-ScheduledTask is given -User' {
        It 'replaces the XML principal: <User> with <Password> becomes UserId <UserId>, LogonType <Logon>' -ForEach @(
            @{ User = 'CONTOSO\svc'; Password = 'p@ss'; UserId = 'CONTOSO\svc'; Logon = 'Password'; CimLogon = 'Password' }
            @{ User = 'CONTOSO\svc'; Password = ''; UserId = 'CONTOSO\svc'; Logon = 'InteractiveToken'; CimLogon = 'Interactive' }
            @{ User = 'SYSTEM'; Password = ''; UserId = 'S-1-5-18'; Logon = $null; CimLogon = 'ServiceAccount' }
        ) {
            $xml = (New-TaskXml -Command /bin/true) -replace '<UserId>S-1-5-18</UserId>', '<UserId>CONTOSO\gmsa$</UserId><LogonType>Password</LogonType>'
            $task = ScheduledTasks\Register-ScheduledTask -Xml $xml -TaskName u -TaskPath '\Orchestrator\' -User $User -Password $Password -ErrorAction Stop
            $task.Principal.UserId | Should -Be $UserId
            $task.Principal.LogonType | Should -Be $CimLogon
            [xml]$exported = (ScheduledTasks\Export-ScheduledTask -TaskName u -TaskPath '\Orchestrator\') -replace '^<\?xml[^>]*\?>', ''
            $exported.Task.Principals.Principal.UserId | Should -Be $UserId
            $logonNode = $exported.Task.Principals.Principal.SelectSingleNode('*[local-name()="LogonType"]')
            if ($Logon) { $logonNode.InnerText | Should -Be $Logon } else { $logonNode | Should -BeNullOrEmpty }
        }

        It 'keeps the XML principal without -User (a gMSA registers from the XML alone)' {
            $xml = (New-TaskXml -Command /bin/true) -replace '<UserId>S-1-5-18</UserId>', '<UserId>CONTOSO\gmsa$</UserId><LogonType>Password</LogonType>'
            $task = ScheduledTasks\Register-ScheduledTask -Xml $xml -TaskName g -TaskPath '\Orchestrator\' -ErrorAction Stop
            $task.Principal.UserId | Should -Be 'CONTOSO\gmsa$'
            $task.Principal.LogonType | Should -Be 'Password'
        }
    }

    Context 'when a task is started' {
        It 'runs Command with Arguments split by the Windows rules, and records the exit code as LastTaskResult' {
            $file = Join-Path $script:root 'args.out'
            $arguments = "-c `"printf '%s|' \`"`$@\`" > '$file'; exit 3`" sh `"two words`" plain"
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/sh -Arguments $arguments) -TaskName a -TaskPath '\Orchestrator\' -ErrorAction Stop
            (ScheduledTasks\Get-ScheduledTaskInfo -TaskName a -TaskPath '\Orchestrator\').LastTaskResult | Should -Be 267011
            ScheduledTasks\Start-ScheduledTask -TaskName a -TaskPath '\Orchestrator\' -ErrorAction Stop
            Wait-Until { (ScheduledTasks\Get-ScheduledTaskInfo -TaskName a -TaskPath '\Orchestrator\').LastTaskResult -eq 3 }
            Get-Content -LiteralPath $file | Should -Be 'two words|plain|'
            (ScheduledTasks\Get-ScheduledTask -TaskName a -TaskPath '\Orchestrator\').State | Should -Be 'Ready'
        }

        It 'under <Policy>, a second start while the first runs <Outcome>' -ForEach @(
            @{ Policy = 'IgnoreNew'; Restarts = $false; Outcome = 'is ignored'; Before = 1; After = 1 }
            @{ Policy = 'Parallel'; Restarts = $true; Outcome = 'starts a second instance'; Before = 2; After = 2 }
            @{ Policy = 'Queue'; Restarts = $false; Outcome = 'runs after the first'; Before = 1; After = 2 }
            @{ Policy = 'StopExisting'; Restarts = $true; Outcome = 'stops the first and starts again'; Before = 2; After = 2 }
        ) {
            $log = Join-Path $script:root "$Policy.log"
            $gate = Join-Path $script:root "$Policy.gate"
            $script = "echo run >> '$log'; while [ ! -e '$gate' ]; do sleep 0.05; done"
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/sh -Arguments "-c `"$script`"" -Policy $Policy) -TaskName p -TaskPath '\Orchestrator\' -ErrorAction Stop
            ScheduledTasks\Start-ScheduledTask -TaskName p -TaskPath '\Orchestrator\' -ErrorAction Stop
            Wait-Until { Test-Path -LiteralPath $log }
            (ScheduledTasks\Get-ScheduledTask -TaskName p -TaskPath '\Orchestrator\').State | Should -Be 'Running'
            $first = ScheduledTasks\Get-ScheduledTaskInfo -TaskName p -TaskPath '\Orchestrator\'
            $first.LastTaskResult | Should -Be 267009
            ScheduledTasks\Start-ScheduledTask -TaskName p -TaskPath '\Orchestrator\' -ErrorAction Stop
            # A second instance would have set a new LastRunTime at once, before its first line.
            ((ScheduledTasks\Get-ScheduledTaskInfo -TaskName p -TaskPath '\Orchestrator\').LastRunTime -ne $first.LastRunTime) | Should -Be $Restarts
            Wait-Until { @(Get-Content -LiteralPath $log).Count -ge $Before }
            (ScheduledTasks\Get-ScheduledTask -TaskName p -TaskPath '\Orchestrator\').State | Should -Be 'Running'
            @(Get-Content -LiteralPath $log).Count | Should -Be $Before
            $null = New-Item -ItemType File -Path $gate
            Wait-Until { (ScheduledTasks\Get-ScheduledTask -TaskName p -TaskPath '\Orchestrator\').State -eq 'Ready' }
            @(Get-Content -LiteralPath $log).Count | Should -Be $After
            (ScheduledTasks\Get-ScheduledTaskInfo -TaskName p -TaskPath '\Orchestrator\').LastTaskResult | Should -Be 0
        }

        It 'Stop-ScheduledTask ends the run and records 0x41306 (terminated)' {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/sleep -Arguments 600) -TaskName s -TaskPath '\Orchestrator\' -ErrorAction Stop
            ScheduledTasks\Start-ScheduledTask -TaskName s -TaskPath '\Orchestrator\' -ErrorAction Stop
            (ScheduledTasks\Get-ScheduledTask -TaskName s -TaskPath '\Orchestrator\').State | Should -Be 'Running'
            ScheduledTasks\Stop-ScheduledTask -TaskName s -TaskPath '\Orchestrator\' -ErrorAction Stop
            (ScheduledTasks\Get-ScheduledTask -TaskName s -TaskPath '\Orchestrator\').State | Should -Be 'Ready'
            (ScheduledTasks\Get-ScheduledTaskInfo -TaskName s -TaskPath '\Orchestrator\').LastTaskResult | Should -Be 267014
        }
    }

    Context 'when a task is disabled' {
        It 'shows State Disabled, no next run, and refuses Start with 0x80041326' {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName d -TaskPath '\Orchestrator\' -ErrorAction Stop
            (ScheduledTasks\Disable-ScheduledTask -TaskName d -TaskPath '\Orchestrator\').State | Should -Be 'Disabled'
            (ScheduledTasks\Get-ScheduledTaskInfo -TaskName d -TaskPath '\Orchestrator\').NextRunTime | Should -BeNullOrEmpty
            $err = $null
            ScheduledTasks\Start-ScheduledTask -TaskName d -TaskPath '\Orchestrator\' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'HRESULT 0x80041326,Start-ScheduledTask*'
            (ScheduledTasks\Get-ScheduledTaskInfo -TaskName d -TaskPath '\Orchestrator\').LastTaskResult | Should -Be 267011
        }
    }

    Context 'when a task is exported' {
        It 'returns the XML as Windows stores it: UTF-16 declaration, version first, URI, CRLF' {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName e -TaskPath 'Orchestrator' -ErrorAction Stop
            $xml = ScheduledTasks\Export-ScheduledTask -TaskName e -TaskPath '\Orchestrator\'
            $xml | Should -BeLike '<?xml version="1.0" encoding="UTF-16"?>*'
            $lines = $xml -split "`r`n"
            $lines[1] | Should -Be '<Task version="1.4" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">'
            $xml | Should -Match '<URI>\\Orchestrator\\e</URI>'
            $xml | Should -Not -Match "[^`r]`n"
        }

        It 'refuses a second registration of the same name without -Force, with 0x800700B7' {
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName f -TaskPath '\Orchestrator\' -ErrorAction Stop
            $err = $null
            ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName f -TaskPath '\Orchestrator\' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'HRESULT 0x800700b7,Register-ScheduledTask*'
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-TaskXml -Command /bin/true) -TaskName f -TaskPath '\Orchestrator\' -Force -ErrorAction Stop
        }
    }
}
